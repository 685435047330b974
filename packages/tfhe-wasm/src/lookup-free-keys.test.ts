import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applyRoundedLookupTableBatch, applyRoundedLookupTableBatchInPool } from './bootstrap/rounded-lookup.js';
import { ClientKey } from './client-key.js';
import { DisposedError, MissingLookupKeysError } from './errors.js';
import { EvaluationKeys } from './evaluation-keys.js';
import { dotProduct, matrixVectorProduct } from './linear-algebra.js';
import type { LweCiphertext } from './lwe-ciphertext.js';
import { getParameterSet } from './params/get-parameter-set.js';
import { WorkerPool } from './pool/worker-pool.js';
import { TOY_PARAMETERS_INSECURE as TOY } from './testing/toy-parameters.js';
import { initTfhe, type TfheExports } from './wasm-module.js';

let tfhe: TfheExports;
let key: ClientKey;
let linearKeys: EvaluationKeys;
let pool: WorkerPool;
beforeAll(async () => {
  tfhe = await initTfhe({ threads: true });
  key = ClientKey.generate(TOY);
  linearKeys = key.evaluationKeys({ lookups: false });
  pool = await WorkerPool.create({ poolSize: 1 });
});
afterAll(async () => {
  await pool.terminate();
  linearKeys.dispose();
  key.dispose();
});

const identity = Array.from({ length: 8 }, (_, i) => i);

/** The message every lookup on lookup-free keys must carry. */
const MISSING = /generated without a bootstrap key .*lookups: false.*; the circuit needs table lookups/;

describe('evaluation keys generated with { lookups: false }', () => {
  it('hold no bootstrap or keyswitch key: nothing allocated in WASM memory, byteLength 0', () => {
    const before = tfhe.allocator.usedBytes;
    const keys = key.evaluationKeys({ lookups: false });
    expect(tfhe.allocator.usedBytes).toBe(before);
    expect(keys).toBeInstanceOf(EvaluationKeys);
    expect(keys.lookups).toBe(false);
    expect([keys.byteLength, keys.bootstrapKeyBytes, keys.keyswitchKeyBytes]).toEqual([0, 0, 0]);
    expect(keys.bootstrapKeyBodies.length).toBe(0);
    keys.dispose();
    expect(tfhe.allocator.usedBytes).toBe(before);
  });

  it('keep a fresh 32-byte mask seed per generation (it names the key set)', () => {
    const other = key.evaluationKeys({ lookups: false });
    expect(linearKeys.maskSeed.length).toBe(32);
    expect(Buffer.from(other.maskSeed).equals(Buffer.from(linearKeys.maskSeed))).toBe(false);
    other.dispose();
  });

  it('exist for the 8-bit preset too, whose full keys would pass the 4 GiB of wasm32', () => {
    const params = getParameterSet({ precision: 8 });
    const big = ClientKey.generate(params);
    const keys = big.evaluationKeys({ lookups: false });
    const loaded = EvaluationKeys.deserialize(keys.serialize(), params);
    expect([keys.byteLength, loaded.lookups]).toEqual([0, false]);
    const ct = dotProduct([big.encrypt(100), big.encrypt(20)], [2, -1]);
    expect(big.decrypt(ct)).toBe(180);
    for (const o of [ct, loaded, keys, big]) o.dispose();
  });

  it('default and { lookups: true } still give keys that bootstrap', () => {
    for (const keys of [key.evaluationKeys(), key.evaluationKeys({ lookups: true })]) {
      expect(keys.lookups).toBe(true);
      expect(keys.byteLength).toBeGreaterThan(0);
      const ct = key.encrypt(5);
      const out = keys.applyLookupTable(ct, identity.map((i) => (7 - i) % 8));
      expect(key.decrypt(out)).toBe(2);
      for (const o of [ct, out, keys]) o.dispose();
    }
  });

  it('leave linear operations working: clear-weight sums decrypt to the clear result', () => {
    const inputs = [3, 1, 2, 0];
    const cts = inputs.map((m) => key.encrypt(m));
    const weights = [
      [1, 2, -1, 3],
      [0, -2, 0, -1],
    ];
    const rows = matrixVectorProduct(weights, cts);
    const sum = dotProduct(cts, [1, 1, 1, 1]);
    const clear = weights.map((row) => row.reduce((acc, w, i) => acc + w * inputs[i]!, 0));
    expect(rows.map((ct) => key.decrypt(ct, { signed: true }))).toEqual(clear);
    expect(key.decrypt(sum)).toBe(6);
    for (const ct of [...cts, ...rows, sum]) ct.dispose();
  });
});

describe('a lookup asked of lookup-free keys', () => {
  let ct: LweCiphertext;
  let small: LweCiphertext;
  beforeAll(() => {
    ct = key.encrypt(3);
    const full = key.evaluationKeys();
    small = full.keyswitch(ct);
    full.dispose();
  });
  afterAll(() => {
    ct.dispose();
    small.dispose();
  });

  const synchronous: [string, () => unknown][] = [
    ['applyLookupTable', () => linearKeys.applyLookupTable(ct, identity)],
    ['applyLookupTableBatch', () => linearKeys.applyLookupTableBatch([ct, ct], identity)],
    ['keyswitch', () => linearKeys.keyswitch(ct)],
    ['bootstrap', () => linearKeys.bootstrap(small, identity)],
    ['rounded lookup', () => applyRoundedLookupTableBatch(linearKeys, [ct], [0, 1], 1)],
  ];

  it.each(synchronous)('%s throws MissingLookupKeysError naming the operation, allocating nothing', (operation, run) => {
    const before = tfhe.allocator.usedBytes;
    let thrown: unknown;
    try {
      run();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MissingLookupKeysError);
    expect((thrown as Error).name).toBe('MissingLookupKeysError');
    expect((thrown as Error).message).toMatch(MISSING);
    expect((thrown as Error).message.startsWith(`${operation}:`)).toBe(true);
    expect(tfhe.allocator.usedBytes).toBe(before);
  });

  it('an empty batch throws too (the keys are unusable for lookups, whatever the input)', () => {
    expect(() => linearKeys.applyLookupTableBatch([], identity)).toThrow(MissingLookupKeysError);
  });

  it('the pool paths reject with MissingLookupKeysError, allocating nothing', async () => {
    const before = tfhe.allocator.usedBytes;
    await expect(linearKeys.applyLookupTableBatchInPool([ct], identity, pool)).rejects.toThrow(MissingLookupKeysError);
    await expect(linearKeys.applyLookupTableBatchInPool([ct], identity, pool)).rejects.toThrow(MISSING);
    await expect(applyRoundedLookupTableBatchInPool(linearKeys, [ct], [0, 1], 1, pool)).rejects.toThrow(MissingLookupKeysError);
    expect(tfhe.allocator.usedBytes).toBe(before);
  });

  it('the inputs stay usable afterwards', () => {
    expect(() => linearKeys.applyLookupTable(ct, identity)).toThrow(MissingLookupKeysError);
    expect(key.decrypt(ct)).toBe(3);
  });

  it('disposed lookup-free keys report DisposedError first', () => {
    const keys = key.evaluationKeys({ lookups: false });
    keys.dispose();
    expect(() => keys.applyLookupTable(ct, identity)).toThrow(DisposedError);
    expect(() => keys.serialize()).toThrow(DisposedError);
  });
});
