import { describe, expect, it } from '@jest/globals';
import { ClientKey } from '../client-key.js';
import { EvaluationKeys } from '../evaluation-keys.js';
import { WorkerPool } from '../pool/worker-pool.js';
import { TOY_PARAMETERS_INSECURE as TOY } from '../testing/toy-parameters.js';
import { initTfhe } from '../wasm-module.js';
import { deserializeCompressedCiphertexts, encryptCompressed } from './compressed-ciphertexts.js';
import { deserializeCiphertexts, serializeCiphertexts } from './lwe-ciphertext-format.js';

describe('the client-server flow through bytes only', () => {
  it('client keys and arguments -> bytes -> server (worker pool, keys in shared memory) -> bytes -> client', async () => {
    await initTfhe({ threads: true });
    // Client: keys, stored secret key, compressed evaluation keys and arguments.
    const client = ClientKey.generate(TOY);
    const storedSecret = client.serialize();
    const generated = client.evaluationKeys();
    const keyBytes = generated.serialize();
    generated.dispose();
    const inputs = [0, 1, 2, 3, 4, 5, 6, 7];
    const argumentBytes = encryptCompressed(client, inputs);
    client.dispose();

    // Server: sees bytes only; it loads the keys for the set it expects.
    const serverKeys = EvaluationKeys.deserialize(keyBytes, TOY);
    const args = deserializeCompressedCiphertexts(argumentBytes, TOY);
    const pool = await WorkerPool.create({ poolSize: 1 });
    const cube = Array.from({ length: 8 }, (_, i) => (i * i * i) % 8);
    const results = await serverKeys.applyLookupTableBatchInPool(args, cube, pool);
    await pool.terminate();
    const resultBytes = serializeCiphertexts(results);
    for (const ct of [...args, ...results]) ct.dispose();
    serverKeys.dispose();

    // Client again, from its stored secret key.
    const restored = ClientKey.deserialize(storedSecret, TOY);
    const decrypted = deserializeCiphertexts(resultBytes, TOY).map((ct) => {
      const value = restored.decrypt(ct);
      ct.dispose();
      return value;
    });
    restored.dispose();
    expect(decrypted).toEqual(inputs.map((m) => cube[m]));
  });
});
