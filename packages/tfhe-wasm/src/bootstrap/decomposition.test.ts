import { beforeAll, describe, expect, it } from '@jest/globals';
import { deterministicTestValues } from '../testing/deterministic-values.js';
import { initTfhe, type TfheExports } from '../wasm-module.js';
import { fourierImagIndex, fourierRealIndex } from '../fft/fourier-layout.js';

let tfhe: TfheExports;
beforeAll(async () => {
  tfhe = await initTfhe();
});

/** Reference: v rounded to the nearest multiple of 2^(64 - beta*l), modulo 2^64. */
function closestRepresentable(v: bigint, baseLog: number, level: number): bigint {
  const shift = BigInt(64 - baseLog * level);
  return BigInt.asUintN(64, ((v + (1n << (shift - 1n))) >> shift) << shift);
}

describe('signed gadget decomposition', () => {
  it.each([
    [23, 1],
    [15, 2],
    [3, 5],
    [2, 11],
    [4, 4],
  ])('base 2^%i, %i levels: digits in [-B/2, B/2) recombine to the rounded value', (baseLog, level) => {
    const count = 256;
    const values = deterministicTestValues(`decomposition-${baseLog}-${level}`);
    const inputs = Array.from({ length: count }, () => values.u64());
    inputs[0] = 0n;
    inputs[1] = (1n << 64n) - 1n;
    const states = tfhe.allocator.alloc(count * 8);
    const digits = tfhe.allocator.alloc(count * 8);
    new BigUint64Array(tfhe.memory.buffer, states, count).set(inputs);
    tfhe.decompositionInitStates(states, states, count, baseLog, level);
    const sums = new Array<bigint>(count).fill(0n);
    const half = 2 ** (baseLog - 1);
    for (let j = level; j >= 1; j--) {
      tfhe.decompositionNextDigitsF64(digits, states, count, baseLog);
      const d = new Float64Array(tfhe.memory.buffer, digits, count);
      for (let x = 0; x < count; x++) {
        const digit = d[x]!;
        expect(Number.isInteger(digit) && digit >= -half && digit < half).toBe(true);
        sums[x] = sums[x]! + BigInt(digit) * (1n << BigInt(64 - baseLog * j));
      }
    }
    const recombined = sums.map((s) => BigInt.asUintN(64, s));
    expect(recombined).toEqual(inputs.map((v) => closestRepresentable(v, baseLog, level)));
    tfhe.allocator.release(states);
    tfhe.allocator.release(digits);
  });
});

/** The twisted digit kernel (not in the typed kernel list used by the TS side). */
interface TwistedDigitsKernel {
  decompositionNextDigitsTwisted(fourier: number, states: number, polynomialSize: number, baseLog: number, twiddles: number): void;
}

describe('decompositionNextDigitsTwisted', () => {
  // Every base with constant-shift code (the published sets: 23, 22, 17, 15, 11) and generic ones.
  it.each([
    [23, 1],
    [22, 1],
    [17, 1],
    [15, 2],
    [11, 3],
    [3, 5],
    [20, 2],
  ])('base 2^%i, %i levels: the digits of every level, folded and twisted (z_j = (d_j + i d_(j+M)) w^j)', (baseLog, level) => {
    const kernels = tfhe as TfheExports & TwistedDigitsKernel;
    const n = 256;
    const m = n / 2;
    const values = deterministicTestValues(`twisted-digits-${baseLog}-${level}`);
    const inputs = Array.from({ length: n }, () => values.u64());
    const [tw, twisted, plain, fourier, digits] = [tfhe.fftTwiddlesBytes(n), n * 8, n * 8, n * 8, n * 8].map((bytes) => tfhe.allocator.alloc(bytes));
    tfhe.fftInitTwiddles(tw!, n);
    for (const states of [twisted!, plain!]) {
      new BigUint64Array(tfhe.memory.buffer, states, n).set(inputs);
      tfhe.decompositionInitStates(states, states, n, baseLog, level);
    }
    const twist = new Float64Array(tfhe.memory.buffer, tw!, n);
    for (let j = level; j >= 1; j--) {
      kernels.decompositionNextDigitsTwisted(fourier!, twisted!, n, baseLog, tw!);
      tfhe.decompositionNextDigitsF64(digits!, plain!, n, baseLog);
      const d = new Float64Array(tfhe.memory.buffer, digits!, n).slice();
      const expected = new Float64Array(n);
      for (let x = 0; x < m; x++) {
        const [re, im] = [fourierRealIndex(x), fourierImagIndex(x)];
        const [wr, wi] = [twist[re]!, twist[im]!];
        expected[re] = d[x]! * wr - d[m + x]! * wi;
        expected[im] = d[x]! * wi + d[m + x]! * wr;
      }
      expect({ j, fourier: new Float64Array(tfhe.memory.buffer, fourier!, n).slice() }).toEqual({ j, fourier: expected });
      expect(new BigUint64Array(tfhe.memory.buffer, twisted!, n).slice()).toEqual(new BigUint64Array(tfhe.memory.buffer, plain!, n).slice());
      expect(d.some((x) => x !== 0)).toBe(true);
    }
    for (const p of [tw, twisted, plain, fourier, digits]) tfhe.allocator.release(p!);
  });
});
