import { beforeAll, describe, expect, it } from '@jest/globals';
import { deterministicTestValues } from '../testing/deterministic-values.js';
import { initTfhe, type TfheExports } from '../wasm-module.js';

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
