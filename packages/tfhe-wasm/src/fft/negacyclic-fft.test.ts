import { beforeAll, describe, expect, it } from '@jest/globals';
import { initTfhe, type TfheExports } from '../wasm-module.js';
import { deterministicTestValues } from '../testing/deterministic-values.js';

let tfhe: TfheExports;
beforeAll(async () => {
  tfhe = await initTfhe();
});

/** Schoolbook negacyclic product in f64: exact while every partial sum stays below 2^53. */
function schoolbookSmall(a: Float64Array, b: Float64Array): Float64Array {
  const n = a.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const ai = a[i]!;
    if (ai === 0) continue;
    for (let j = 0; j < n - i; j++) out[i + j]! += ai * b[j]!;
    for (let j = n - i; j < n; j++) out[i + j - n]! -= ai * b[j]!;
  }
  return out;
}

/** Schoolbook negacyclic product modulo 2^64 in BigInt (the exact reference for torus values). */
function schoolbookTorus(a: bigint[], b: bigint[]): bigint[] {
  const n = a.length;
  const out = new Array<bigint>(n).fill(0n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const k = i + j;
      if (k < n) out[k]! += a[i]! * b[j]!;
      else out[k - n]! -= a[i]! * b[j]!;
    }
  }
  return out.map((x) => BigInt.asUintN(64, x));
}

/** Negacyclic product through the WASM FFT: a (i64) * b (i64), result as u64. */
function fftProduct(n: number, a: BigInt64Array, b: BigInt64Array): BigUint64Array {
  const { allocator } = tfhe;
  const tw = allocator.alloc(tfhe.fftTwiddlesBytes(n));
  tfhe.fftInitTwiddles(tw, n);
  const pa = allocator.alloc(n * 8);
  const pb = allocator.alloc(n * 8);
  const fa = allocator.alloc(n * 8);
  const fb = allocator.alloc(n * 8);
  const acc = allocator.alloc(n * 8);
  const out = allocator.allocZeroed(n * 8);
  new BigInt64Array(tfhe.memory.buffer, pa, n).set(a);
  new BigInt64Array(tfhe.memory.buffer, pb, n).set(b);
  tfhe.fftForwardI64(fa, pa, n, tw);
  tfhe.fftForwardI64(fb, pb, n, tw);
  tfhe.fourierZero(acc, n);
  tfhe.fourierMulAdd(acc, fa, fb, n);
  tfhe.fftBackwardAddU64(out, acc, n, tw, 0);
  const result = new BigUint64Array(tfhe.memory.buffer, out, n).slice();
  for (const p of [tw, pa, pb, fa, fb, acc, out]) allocator.release(p);
  return result;
}

function signedDistance(x: bigint, y: bigint): bigint {
  const d = BigInt.asIntN(64, x - y);
  return d < 0n ? -d : d;
}

const SIZES = [256, 512, 1024, 2048, 4096, 8192, 16384];

describe('negacyclic FFT product', () => {
  it.each(SIZES)('is exact for N = %i when the product fits 44 bits (a in ±2^20, b in ±2^10)', (n) => {
    const values = deterministicTestValues(`fft-small-${n}`);
    const a = Float64Array.from({ length: n }, () => values.int(-(2 ** 20), 2 ** 20));
    const b = Float64Array.from({ length: n }, () => values.int(-(2 ** 10), 2 ** 10));
    const expected = schoolbookSmall(a, b);
    const got = fftProduct(
      n,
      BigInt64Array.from(a, (x) => BigInt(x)),
      BigInt64Array.from(b, (x) => BigInt(x)),
    );
    for (let i = 0; i < n; i++) {
      if (BigInt.asIntN(64, got[i]!) !== BigInt(expected[i]!)) {
        throw new Error(`coefficient ${i}: got ${BigInt.asIntN(64, got[i]!)}, expected ${expected[i]}`);
      }
    }
  });

  it.each([256, 1024, 2048])(
    'multiplies full 64-bit torus polynomials by 23-bit digits at N = %i within the f64 rounding error',
    (n) => {
      const values = deterministicTestValues(`fft-torus-${n}`);
      const a = Array.from({ length: n }, () => values.u64());
      const b = Array.from({ length: n }, () => BigInt(values.int(-(2 ** 22), 2 ** 22)));
      const expected = schoolbookTorus(a, b);
      const got = fftProduct(n, BigInt64Array.from(a, (x) => BigInt.asIntN(64, x)), BigInt64Array.from(b));
      // The result has magnitude ~2^(63+22)*sqrt(N); each of the log2(N) stages adds a relative
      // f64 error ~2^-53, so |error| <~ 2^(11+22) * sqrt(N) * log2(N). A wrong product is off by ~2^63.
      const bound = BigInt(Math.ceil(2 ** 33 * Math.sqrt(n) * Math.log2(n) * 2));
      let worst = 0n;
      for (let i = 0; i < n; i++) {
        const d = signedDistance(got[i]!, expected[i]!);
        if (d > worst) worst = d;
      }
      expect(worst).toBeLessThan(bound);
      expect(worst).toBeGreaterThan(0n); // the rounding error is real: this is not an exact path
    },
  );

  it.each(SIZES)('round-trips forward then backward exactly at N = %i for 40-bit coefficients', (n) => {
    const values = deterministicTestValues(`fft-roundtrip-${n}`);
    const a = BigInt64Array.from({ length: n }, () => BigInt(values.int(-(2 ** 40), 2 ** 40)));
    const one = new BigInt64Array(n);
    one[0] = 1n;
    const got = fftProduct(n, a, one);
    expect(Array.from(got, (x) => BigInt.asIntN(64, x))).toEqual(Array.from(a));
  });

  it('implements the negacyclic wrap X^N = -1', () => {
    const n = 256;
    const a = new BigInt64Array(n);
    const b = new BigInt64Array(n);
    a[n - 1] = 3n; // 3 X^(N-1)
    b[2] = 5n; //     5 X^2  -> 15 X^(N+1) = -15 X
    const got = fftProduct(n, a, b);
    expect(BigInt.asIntN(64, got[1]!)).toBe(-15n);
    expect(got.filter((x) => x !== 0n).length).toBe(1);
  });
});
