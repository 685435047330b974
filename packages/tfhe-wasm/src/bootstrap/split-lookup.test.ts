import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientKey } from '../client-key.js';
import type { EvaluationKeys } from '../evaluation-keys.js';
import { getParameterSet } from '../params/get-parameter-set.js';
import { WorkerPool } from '../pool/worker-pool.js';
import { TOY_PARAMETERS_INSECURE as TOY } from '../testing/toy-parameters.js';
import { initTfhe } from '../wasm-module.js';

// One lookup split over two workers (keyswitchThenBootstrapSplit): each worker takes half of
// every CMUX and the halves meet at a barrier. The real 4-bit preset (k = 1, one level), and the
// toy set for the shapes the split must also get right: k = 2 (one part holds two rows and
// columns, the other one) and two decomposition levels.
const preset = getParameterSet({ precision: 4 });
const keys = new Map<string, { key: ClientKey; evk: EvaluationKeys }>();
let pool: WorkerPool;
beforeAll(async () => {
  await initTfhe({ threads: true });
  for (const params of [preset, TOY]) {
    const key = ClientKey.generate(params);
    keys.set(params.name, { key, evk: key.evaluationKeys() });
  }
  pool = await WorkerPool.create({ poolSize: 2 });
});
afterAll(async () => {
  await pool.terminate();
  for (const { key, evk } of keys.values()) {
    evk.dispose();
    key.dispose();
  }
});

const sameBytes = (a: { serialize(): Uint8Array }, b: { serialize(): Uint8Array }): boolean =>
  Buffer.from(a.serialize()).equals(Buffer.from(b.serialize()));

describe('one table lookup split over two workers', () => {
  it.each([
    ['the 4-bit preset (k = 1, one level)', preset, [0, 5, 11, 15]],
    ['toy parameters (k = 2, two levels)', TOY, [0, 3, 6, 7]],
  ])('gives the ciphertext of a lookup on one thread, bit for bit, on %s', async (_, params, inputs) => {
    const { key, evk } = keys.get(params.name)!;
    const size = 2 ** params.precision;
    const table = Array.from({ length: size }, (_, i) => (i * 7 + 2) % size);
    for (const m of inputs) {
      const ct = key.encrypt(m);
      const split = await evk.applyLookupTableInPool(ct, table, pool);
      const local = evk.applyLookupTable(ct, table);
      expect(key.decrypt(split)).toBe(table[m]);
      expect(sameBytes(split, local)).toBe(true);
      for (const c of [ct, split, local]) c.dispose();
    }
  });

  it('splits each lookup of a batch no larger than half the pool, keeping every output', async () => {
    const { key, evk } = keys.get(TOY.name)!;
    const wide = await WorkerPool.create({ poolSize: 4 });
    try {
      const inputs = [1, 6];
      const tables = [
        [7, 6, 5, 4, 3, 2, 1, 0],
        [0, 0, 1, 1, 2, 2, 3, 3],
      ];
      const cts = inputs.map((m) => key.encrypt(m));
      const pooled = await evk.applyLookupTableBatchInPool(cts, tables, wide);
      const local = evk.applyLookupTableBatch(cts, tables);
      expect(pooled.map((c) => key.decrypt(c))).toEqual([6, 3]);
      pooled.forEach((c, i) => expect(sameBytes(c, local[i]!)).toBe(true));
      for (const c of [...cts, ...pooled, ...local]) c.dispose();
    } finally {
      await wide.terminate();
    }
  });

  it('rejects a lookup on a ciphertext of other parameters without running either half', async () => {
    const { evk } = keys.get(preset.name)!;
    const { key: toyKey } = keys.get(TOY.name)!;
    const foreign = toyKey.encrypt(1);
    await expect(evk.applyLookupTableInPool(foreign, Array.from({ length: 16 }, (_, i) => i), pool)).rejects.toThrow(/parameter/i);
    foreign.dispose();
  });
});
