import { beforeAll, describe, expect, it } from '@jest/globals';
import { twiddlesFor } from '../fft/twiddle-cache.js';
import { deterministicTestValues } from '../testing/deterministic-values.js';
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

describe('the Fourier factors X^(e_p) - 1 of a group in the multi-bit blind rotation', () => {
  it.each([
    [256, 2],
    [256, 3],
    [2048, 2],
    [2048, 3],
  ])('equal the FFT of the polynomial X^(e_p) - 1 for every pattern p, N = %i, g = %i', (n, g) => {
    const kernels = withMultiBitKernels(tfhe);
    const { slotExponents, roots } = monomialTablesFor(tfhe, n);
    const values = deterministicTestValues(`group-factors-${n}-${g}`);
    const factors = tfhe.allocator.alloc((2 ** g - 1) * n * 8);
    const switched = tfhe.allocator.alloc(16);
    // Edge values (0, N - 1, N, 2N - 1) and random ones, so sums wrap past N and 2N.
    for (const group of [[0, n - 1, n], [2 * n - 1, n, 1], [values.int(0, 2 * n), values.int(0, 2 * n), values.int(0, 2 * n)]]) {
      const a = group.slice(0, g);
      new Int32Array(tfhe.memory.buffer, switched, g).set(a);
      kernels.multiBitGroupFactors(factors, switched, g, slotExponents, roots, n);
      for (let p = 1; p < 2 ** g; p++) {
        const e = a.reduce((sum, ai, i) => sum + ((p >> i) & 1 ? ai : 0), 0) % (2 * n);
        const got = new Float64Array(tfhe.memory.buffer, factors + (p - 1) * n * 8, n);
        const expected = transformOfMonomialMinusOne(n, e);
        let worst = 0;
        for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(got[i]! - expected[i]!));
        expect(worst).toBeLessThan(1e-9);
      }
    }
    tfhe.allocator.release(factors);
    tfhe.allocator.release(switched);
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
