import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientKey } from '../client-key.js';
import type { EvaluationKeys } from '../evaluation-keys.js';
import { getParameterSet } from '../params/get-parameter-set.js';
import { WorkerPool } from '../pool/worker-pool.js';
import { initTfhe } from '../wasm-module.js';

// Batches run their lookups two at a time through keyswitchThenBootstrapPair (one read of each
// key row and GGSW for both); the real 4-bit preset, since the point is the keys' layout.
const params = getParameterSet({ precision: 4 });
let key: ClientKey;
let evk: EvaluationKeys;
beforeAll(async () => {
  await initTfhe({ threads: true });
  key = ClientKey.generate(params);
  evk = key.evaluationKeys();
});
afterAll(() => {
  evk.dispose();
  key.dispose();
});

const inputs = [3, 14, 0, 9, 7];
const tables = inputs.map((_, t) => Array.from({ length: 16 }, (_, i) => (i * (2 * t + 3) + t) % 16));

describe('paired table lookups in a batch', () => {
  it('give bit-identical ciphertexts to one lookup at a time, pairs and the odd one out alike', () => {
    const cts = inputs.map((m) => key.encrypt(m));
    const batch = evk.applyLookupTableBatch(cts, tables);
    const singles = cts.map((ct, i) => evk.applyLookupTable(ct, tables[i]!));
    expect(batch.map((c) => key.decrypt(c))).toEqual(inputs.map((m, i) => tables[i]![m]));
    batch.forEach((c, i) => expect(Buffer.from(c.serialize()).equals(Buffer.from(singles[i]!.serialize()))).toBe(true));
    for (const c of [...cts, ...batch, ...singles]) c.dispose();
  });

  it('give the same ciphertexts on a worker pool whose shares hold pairs and single lookups', async () => {
    const pool = await WorkerPool.create({ poolSize: 2 });
    try {
      const cts = inputs.map((m) => key.encrypt(m));
      const pooled = await evk.applyLookupTableBatchInPool(cts, tables, pool);
      const local = evk.applyLookupTableBatch(cts, tables);
      expect(pooled.map((c) => key.decrypt(c))).toEqual(inputs.map((m, i) => tables[i]![m]));
      pooled.forEach((c, i) => expect(Buffer.from(c.serialize()).equals(Buffer.from(local[i]!.serialize()))).toBe(true));
      for (const c of [...cts, ...pooled, ...local]) c.dispose();
    } finally {
      await pool.terminate();
    }
  });
});
