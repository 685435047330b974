import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import v8 from 'node:v8';
import { ClientKey } from './client-key.js';
import type { EvaluationKeys } from './evaluation-keys.js';
import { getParameterSet } from './params/get-parameter-set.js';
import { WorkerPool } from './pool/worker-pool.js';
import { checkEveryInputOfRandomTables } from './testing/check-every-input.js';
import { initTfhe, type TfheExports } from './wasm-module.js';

// The relaxed-SIMD build (fused multiply-adds) with the real 4-bit preset. Node 20 has relaxed
// SIMD behind a V8 flag, which relaxedSimd: true turns on; it is turned off again afterwards so
// that later test files in this worker process load the plain build as before.
const params = getParameterSet({ precision: 4 });
const flagWasOff = process.versions.node.startsWith('20.');
let tfhe: TfheExports;
let key: ClientKey;
let evk: EvaluationKeys;
beforeAll(async () => {
  tfhe = await initTfhe({ threads: true, relaxedSimd: true });
  key = ClientKey.generate(params);
  evk = key.evaluationKeys();
});
afterAll(() => {
  evk.dispose();
  key.dispose();
  if (flagWasOff) v8.setFlagsFromString('--no-experimental-wasm-relaxed-simd');
});

describe('the relaxed-SIMD build', () => {
  it('is the build loaded when asked for', () => {
    expect(tfhe.relaxedSimd).toBe(true);
    expect(tfhe.threads).toBe(true);
  });

  it('gives the right value for every input of 4 random tables and the identity at 4 bits', () => {
    expect(checkEveryInputOfRandomTables(key, evk, 4, 4)).toBe(96);
  });

  it('runs paired lookups on a worker pool that instantiates the same build', async () => {
    const pool = await WorkerPool.create({ poolSize: 2 });
    try {
      const inputs = [5, 0, 15, 8, 11];
      const table = Array.from({ length: 16 }, (_, i) => (7 * i + 2) % 16);
      const cts = inputs.map((m) => key.encrypt(m));
      const outs = await evk.applyLookupTableBatchInPool(cts, table, pool);
      expect(outs.map((c) => key.decrypt(c))).toEqual(inputs.map((m) => table[m]));
      for (const c of [...cts, ...outs]) c.dispose();
    } finally {
      await pool.terminate();
    }
  });

  it('refuses a later initTfhe that asks for the plain build', async () => {
    await expect(initTfhe({ threads: true, relaxedSimd: false })).rejects.toThrow(/relaxedSimd: false.*relaxed SIMD build was loaded/);
  });
});
