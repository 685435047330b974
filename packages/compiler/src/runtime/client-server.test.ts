import { beforeAll, describe, expect, it } from '@jest/globals';
import { np, type Tracer } from '@cml/tracer';
import { compile } from '../compile.js';
import { CircuitMismatchError, CorruptedDataError } from '../errors.js';
import { deserializeEncrypted, serializeEncrypted } from './ciphertext-bytes.js';
import { Client } from './client.js';
import { Server } from './server.js';

const relu = compile((x: Tracer) => np.relu(x.sub(3)), { x: 'encrypted' }, [0, 7]);
const square = compile((x: Tracer) => x.mul(x), { x: 'encrypted' }, [0, 3]);

describe('client and server through bytes', () => {
  const client = Client.load(relu.client.serialize());
  const other = Client.load(relu.client.serialize());
  beforeAll(async () => {
    await client.keygen();
    await other.keygen();
  });

  it('round-trips arguments and results and decrypts the clear result', async () => {
    const server = Server.load(relu.server.serialize());
    for (const x of [0, 5, 7]) {
      const argumentBytes = serializeEncrypted(client.encrypt(x));
      const results = await server.run(
        await deserializeEncrypted(argumentBytes, server.spec.parameters),
        client.evaluationKeys,
      );
      const resultBytes = serializeEncrypted(results);
      const decrypted = client.decrypt(
        await deserializeEncrypted(resultBytes, client.spec.parameters),
      );
      expect(decrypted.map((a) => a.toArray())).toEqual([[Math.max(x - 3, 0)]]);
    }
  });

  it('keeps secrets out of the server bytes', () => {
    const text = new TextDecoder().decode(relu.server.serialize());
    expect(text).not.toMatch(/secret|clientKey|glweKey/i);
    expect(Server.load(relu.server.serialize()).spec.circuit).toBe(relu.client.spec.circuit);
  });

  it('refuses arguments of another circuit, keys of another client and results of another client', async () => {
    const server = Server.load(relu.server.serialize());
    const otherCircuit = Server.load(square.server.serialize());
    await expect(otherCircuit.run(client.encrypt(1), client.evaluationKeys)).rejects.toThrow(
      CircuitMismatchError,
    );
    await expect(server.run(client.encrypt(1), other.evaluationKeys)).rejects.toThrow(
      CircuitMismatchError,
    );
    const results = await server.run(client.encrypt(4), client.evaluationKeys);
    expect(() => other.decrypt(results)).toThrow(CircuitMismatchError);
  });

  it('reports truncated, altered or mislabelled bytes as CorruptedDataError', async () => {
    const bytes = relu.server.serialize();
    const altered = bytes.slice();
    altered[20] = (altered[20] as number) ^ 1;
    expect(() => Server.load(altered)).toThrow(CorruptedDataError);
    expect(() => Server.load(bytes.subarray(0, bytes.length - 3))).toThrow(CorruptedDataError);
    expect(() => Server.load(relu.client.serialize())).toThrow(CorruptedDataError);
    expect(() => Client.load(new Uint8Array([1, 2, 3]))).toThrow(CorruptedDataError);
    const argumentBytes = serializeEncrypted(client.encrypt(2));
    const flipped = argumentBytes.slice();
    flipped[flipped.length - 40] = (flipped[flipped.length - 40] as number) ^ 0x80;
    await expect(deserializeEncrypted(flipped, relu.parameters)).rejects.toThrow(
      CorruptedDataError,
    );
  });
});
