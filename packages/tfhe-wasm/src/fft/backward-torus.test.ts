import { beforeAll, describe, expect, it } from '@jest/globals';
import { initTfhe, type TfheExports } from '../wasm-module.js';
import { deterministicTestValues } from '../testing/deterministic-values.js';

/** The external product's inverse transform (not part of the typed kernel list used by the TS side). */
interface BackwardTorusKernel {
  fftBackwardAddTorus(dst: number, src: number, polynomialSize: number, twiddles: number): void;
}

let tfhe: TfheExports & BackwardTorusKernel;
beforeAll(async () => {
  tfhe = (await initTfhe()) as TfheExports & BackwardTorusKernel;
});

function signedDifference(x: bigint, y: bigint): bigint {
  return BigInt.asIntN(64, x - y);
}

/**
 * Transforms of 64-bit torus polynomials times 23-bit digits (the external product's values),
 * sent back by the exact conversion (fftBackwardAddU64) and by fftBackwardAddTorus onto the
 * same starting polynomial.
 */
function bothConversions(n: number): { exact: BigUint64Array; fast: BigUint64Array; start: BigUint64Array } {
  const { allocator } = tfhe;
  const values = deterministicTestValues(`backward-torus-${n}`);
  const tw = allocator.alloc(tfhe.fftTwiddlesBytes(n));
  tfhe.fftInitTwiddles(tw, n);
  const [pa, pb, fa, fb, acc, copy, exact, fast] = Array.from({ length: 8 }, () => allocator.alloc(n * 8));
  const view = (ptr: number): BigUint64Array => new BigUint64Array(tfhe.memory.buffer, ptr, n);
  view(pa!).set(Array.from({ length: n }, () => values.u64()));
  new BigInt64Array(tfhe.memory.buffer, pb!, n).set(Array.from({ length: n }, () => BigInt(values.int(-(2 ** 22), 2 ** 22))));
  const start = BigUint64Array.from({ length: n }, () => values.u64());
  view(exact!).set(start);
  view(fast!).set(start);
  tfhe.fftForwardI64(fa!, pa!, n, tw);
  tfhe.fftForwardI64(fb!, pb!, n, tw);
  tfhe.fourierZero(acc!, n);
  tfhe.fourierMulAdd(acc!, fa!, fb!, n);
  new Float64Array(tfhe.memory.buffer, copy!, n).set(new Float64Array(tfhe.memory.buffer, acc!, n));
  tfhe.fftBackwardAddU64(exact!, acc!, n, tw, 0);
  tfhe.fftBackwardAddTorus(fast!, copy!, n, tw);
  const result = { exact: view(exact!).slice(), fast: view(fast!).slice(), start };
  for (const p of [tw, pa, pb, fa, fb, acc, copy, exact, fast]) allocator.release(p!);
  return result;
}

describe('fftBackwardAddTorus', () => {
  it.each([32, 64, 256, 2048, 4096, 8192])('adds the same product as the exact conversion to within 2^12 at N = %i', (n) => {
    const { exact, fast, start } = bothConversions(n);
    let worst = 0n;
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const d = signedDifference(fast[i]!, exact[i]!);
      const abs = d < 0n ? -d : d;
      if (abs > worst) worst = abs;
      if (fast[i] !== start[i]) moved++;
    }
    // Rounding r to a multiple of 2^13 moves it by at most 2^12; both paths see the same f64.
    expect(worst).toBeLessThanOrEqual(2n ** 12n);
    expect(moved).toBe(n); // the product (magnitude ~2^85) was really added
  });
});
