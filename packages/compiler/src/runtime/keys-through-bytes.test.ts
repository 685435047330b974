import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { np, type Tracer } from '@cml/tracer';
import { compile } from '../compile.js';
import { CircuitMismatchError, CorruptedDataError } from '../errors.js';
import { deserializeEncrypted, serializeEncrypted } from './ciphertext-bytes.js';
import { Client } from './client.js';
import { Server } from './server.js';

const relu = compile((x: Tracer) => np.relu(x.sub(3)), { x: 'encrypted' }, [0, 7]);
const wide = compile((x: Tracer) => np.relu(x.sub(30)), { x: 'encrypted' }, [0, 60]);

describe('keys handed to the server as bytes', () => {
  const client = Client.load(relu.client.serialize());
  let evaluationKeyBytes: Uint8Array;
  beforeAll(async () => {
    await client.keygen();
    evaluationKeyBytes = client.serializeEvaluationKeys();
  });
  afterAll(() => client.dispose());

  it('runs the circuit with keys, arguments and results that only ever crossed as bytes', async () => {
    const server = Server.load(relu.server.serialize());
    const keys = await server.loadEvaluationKeys(evaluationKeyBytes);
    try {
      for (const x of [0, 4, 7]) {
        const request = serializeEncrypted(client.encrypt(x));
        const results = await server.run(await deserializeEncrypted(request, server.spec.parameters), keys);
        const reply = serializeEncrypted(results);
        const [out] = client.decrypt(await deserializeEncrypted(reply, client.spec.parameters));
        expect(out?.toArray()).toEqual([Math.max(x - 3, 0)]);
      }
    } finally {
      keys.dispose();
    }
  });

  it('reads ciphertext bytes that sit at any offset of a larger buffer (e.g. a Node Buffer)', async () => {
    const request = serializeEncrypted(client.encrypt(5));
    for (let shift = 1; shift < 8; shift++) {
      const padded = new Uint8Array(request.length + shift);
      padded.set(request, shift);
      const args = await deserializeEncrypted(padded.subarray(shift), relu.parameters);
      const results = await relu.server.run(args, client.evaluationKeys);
      expect(client.decrypt(results)[0]?.toArray()).toEqual([2]);
    }
  });

  it('restores a client from its saved secret key and evaluation keys', async () => {
    const restored = Client.load(relu.client.serialize());
    await restored.loadKeys(client.serializeSecretKey(), evaluationKeyBytes);
    expect(restored.keyId).toBe(client.keyId);
    const [out] = restored.decrypt(await relu.server.run(client.encrypt(6), client.evaluationKeys));
    expect(out?.toArray()).toEqual([3]);
    restored.dispose();
  });

  it('refuses keys made for another parameter set', async () => {
    const server = Server.load(wide.server.serialize());
    expect(wide.parameters.name).not.toBe(relu.parameters.name);
    await expect(server.loadEvaluationKeys(evaluationKeyBytes)).rejects.toThrow(CircuitMismatchError);
  });

  it('reports damaged key bytes as CorruptedDataError', async () => {
    const server = Server.load(relu.server.serialize());
    const damaged = evaluationKeyBytes.slice();
    damaged[Math.floor(damaged.length / 2)]! ^= 0x40;
    await expect(server.loadEvaluationKeys(damaged)).rejects.toThrow(CorruptedDataError);
    await expect(server.loadEvaluationKeys(evaluationKeyBytes.subarray(0, 100))).rejects.toThrow(
      CorruptedDataError,
    );
  });
});
