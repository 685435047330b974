import { beforeAll, describe, expect, it } from '@jest/globals';
import { twiddlesFor } from '../fft/twiddle-cache.js';
import { initTfhe, type TfheExports } from '../wasm-module.js';
import { monomialTablesFor } from './fourier-monomials.js';
import { withMultiBitKernels } from './kernels.js';

let tfhe: TfheExports;
beforeAll(async () => {
  tfhe = await initTfhe();
});

/** The FFT of the polynomial X^e - 1 (negacyclic: X^e = -X^(e-N) for e >= N), by the ordinary transform. */
function transformOfMonomialMinusOne(n: number, e: number): Float64Array {
  const poly = tfhe.allocator.allocZeroed(n * 8);
  const out = tfhe.allocator.alloc(n * 8);
  const coefficients = new BigInt64Array(tfhe.memory.buffer, poly, n);
  coefficients[0] = -1n;
  coefficients[e % n] = (coefficients[e % n] ?? 0n) + (e >= n ? -1n : 1n);
  tfhe.fftForwardI64(out, poly, n, twiddlesFor(tfhe, n));
  const result = new Float64Array(tfhe.memory.buffer, out, n).slice();
  tfhe.allocator.release(poly);
  tfhe.allocator.release(out);
  return result;
}

describe('the Fourier factor of X^e - 1 in the multi-bit blind rotation', () => {
  it.each([256, 2048])('equals the FFT of the polynomial X^e - 1 at N = %i, for exponents across [0, 2N)', (n) => {
    const kernels = withMultiBitKernels(tfhe);
    const { slotExponents, roots } = monomialTablesFor(tfhe, n);
    const exponentsList = [0, 1, 2, 3, n / 2 + 5, n - 1, n, n + 1, 2 * n - 1];
    const exponents = tfhe.allocator.alloc(exponentsList.length * 4);
    new Int32Array(tfhe.memory.buffer, exponents, exponentsList.length).set(exponentsList);
    const factors = tfhe.allocator.alloc(exponentsList.length * n * 8);
    kernels.multiBitMonomialFactors(factors, exponents, exponentsList.length, slotExponents, roots, n);
    exponentsList.forEach((e, p) => {
      const got = new Float64Array(tfhe.memory.buffer, factors + p * n * 8, n);
      const expected = transformOfMonomialMinusOne(n, e);
      let worst = 0;
      for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(got[i]! - expected[i]!));
      expect(worst).toBeLessThan(1e-9);
    });
    tfhe.allocator.release(exponents);
    tfhe.allocator.release(factors);
  });

  it('reads one odd evaluation power per slot, each power used once', () => {
    const n = 1024;
    const { slotExponents } = monomialTablesFor(tfhe, n);
    const powers = Array.from(new Int32Array(tfhe.memory.buffer, slotExponents, n / 2));
    expect(powers.every((r) => r % 2 === 1 && r > 0 && r < 2 * n)).toBe(true);
    // The N/2 slots and their conjugates cover the N odd powers: no slot repeats another or its conjugate.
    const classes = new Set(powers.map((r) => Math.min(r, 2 * n - r)));
    expect(classes.size).toBe(n / 2);
  });
});
