import { describe, expect, it } from '@jest/globals';
import { ClientKey } from '../client-key.js';
import { DisposedError } from '../errors.js';
import { dotProduct } from '../linear-algebra.js';
import type { ParameterSet } from '../params/parameter-set.js';
import { TOY_PARAMETERS_INSECURE } from '../testing/toy-parameters.js';
import { initTfhe } from '../wasm-module.js';

/** TEST ONLY, INSECURE: the smallest set that still bootstraps 2-bit values, for 10,000 cycles. */
const TINY_INSECURE: ParameterSet = {
  ...TOY_PARAMETERS_INSECURE,
  name: 'TINY-INSECURE-leak-test-only',
  precision: 2,
  lweDimension: 8,
  glweDimension: 1,
  polynomialSize: 256,
};

describe('WASM memory ownership', () => {
  it('leaves the used bytes unchanged across 10,000 encrypt / bootstrap / dispose cycles', async () => {
    const tfhe = await initTfhe();
    const key = ClientKey.generate(TINY_INSECURE);
    const evk = key.evaluationKeys();
    const table = [3, 2, 1, 0];
    const warm = evk.applyLookupTable(key.encrypt(1), table);
    warm.dispose();
    const before = tfhe.allocator.usedBytes;
    let wrong = 0;
    for (let i = 0; i < 10_000; i++) {
      const ct = key.encrypt(i % 4);
      const sum = dotProduct([ct, ct], [1, 0]);
      const out = evk.applyLookupTable(sum, table);
      if (key.decrypt(out) !== table[i % 4]) wrong++;
      ct.dispose();
      sum.dispose();
      out.dispose();
    }
    expect(wrong).toBe(0);
    expect(tfhe.allocator.usedBytes).toBe(before);
    evk.dispose();
    key.dispose();
  });

  it('returns every byte of keys and ciphertexts on dispose, and refuses use afterwards', async () => {
    const tfhe = await initTfhe();
    ClientKey.generate(TOY_PARAMETERS_INSECURE).dispose(); // caches the twiddles of N
    const before = tfhe.allocator.usedBytes;
    const key = ClientKey.generate(TOY_PARAMETERS_INSECURE);
    const evk = key.evaluationKeys();
    const ct = key.encrypt(3);
    expect(tfhe.allocator.usedBytes).toBeGreaterThan(before + evk.byteLength);
    for (const o of [ct, evk, key]) o.dispose();
    expect(tfhe.allocator.usedBytes).toBe(before);
    expect(() => key.encrypt(1)).toThrow(DisposedError);
    expect(() => key.evaluationKeys()).toThrow(DisposedError);
    expect(() => evk.keyswitch(ct)).toThrow(DisposedError);
    expect(() => ct.neg()).toThrow(DisposedError);
    ct.dispose(); // idempotent
  });
});
