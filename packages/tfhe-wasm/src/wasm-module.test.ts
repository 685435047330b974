import { describe, expect, it } from '@jest/globals';
import { initTfhe } from './index.js';

const TWO_64 = 1n << 64n;

describe('the built WASM core', () => {
  it('adds torus elements modulo 2^64', async () => {
    const tfhe = await initTfhe();
    expect(tfhe.torusAdd(5n, 7n)).toBe(12n);
    // u64 crosses the JS boundary as a signed i64; the wrap-around is what matters.
    expect(BigInt.asUintN(64, tfhe.torusAdd(TWO_64 - 1n, 2n))).toBe(1n);
  });

  it('sums an odd-length torus vector with SIMD lanes, in memory from the allocator', async () => {
    const tfhe = await initTfhe();
    const values = [3n, TWO_64 - 5n, 10n, 1n << 63n, 1n << 63n];
    const ptr = tfhe.allocator.alloc(values.length * 8);
    new BigUint64Array(tfhe.memory.buffer, ptr, values.length).set(values);
    const expected = values.reduce((a, b) => (a + b) % TWO_64, 0n);
    expect(BigInt.asUintN(64, tfhe.torusSumSimd(ptr, values.length))).toBe(expected);
    tfhe.allocator.release(ptr);
  });

  it('shares one instance between callers', async () => {
    expect(await initTfhe()).toBe(await initTfhe());
  });
});
