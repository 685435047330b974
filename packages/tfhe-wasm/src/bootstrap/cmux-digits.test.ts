import { beforeAll, describe, expect, it } from '@jest/globals';
import { initTfhe, type TfheExports } from '../wasm-module.js';
import { deterministicTestValues } from '../testing/deterministic-values.js';

/** The CMUX's unfused steps and the fused kernel (not part of the typed kernel list used by the TS side). */
interface CmuxDigitKernels {
  rotationDifferenceToStates(dst: number, src: number, polynomialSize: number, power: number, baseLog: number, level: number): void;
  decompositionNextDigitsTwisted(fourier: number, states: number, polynomialSize: number, baseLog: number, twiddles: number): void;
  cmuxNextDigitsTwisted(fourier: number, states: number, polynomialSize: number, baseLog: number, level: number, twiddles: number): void;
  rotationDifferenceDigitsTwisted(
    fourier: number,
    states: number,
    src: number,
    polynomialSize: number,
    power: number,
    baseLog: number,
    level: number,
    twiddles: number,
  ): void;
}

let tfhe: TfheExports & CmuxDigitKernels;
beforeAll(async () => {
  tfhe = (await initTfhe()) as TfheExports & CmuxDigitKernels;
});

const N = 512;
// Every region of the rotation: none, an odd seam, even, the last, X^N = -1, past it.
const POWERS = [0, 1, 2, 77, 255, 256, 257, 511, 512, 513, 767, 768, 769, 900, 1023];

describe('rotationDifferenceDigitsTwisted', () => {
  // Every (base, level) with constant-shift code (the published sets) and generic ones.
  it.each([
    [23, 1],
    [22, 1],
    [17, 1],
    [15, 2],
    [11, 3],
    [4, 3],
    [20, 1],
    [16, 2],
    [31, 1],
    [8, 4],
    [10, 3],
  ])('equals the rotation difference, rounding, first digit and twist done apart (base 2^%i, %i levels)', (baseLog, level) => {
    const { allocator } = tfhe;
    const values = deterministicTestValues(`cmux-digits-${baseLog}-${level}`);
    const tw = allocator.alloc(tfhe.fftTwiddlesBytes(N));
    tfhe.fftInitTwiddles(tw, N);
    const [src, statesApart, fourierApart, statesFused, fourierFused] = Array.from({ length: 5 }, () => allocator.alloc(N * 8));
    new BigUint64Array(tfhe.memory.buffer, src!, N).set(Array.from({ length: N }, () => values.u64()));
    for (const power of POWERS) {
      tfhe.rotationDifferenceToStates(statesApart!, src!, N, power, baseLog, level);
      tfhe.decompositionNextDigitsTwisted(fourierApart!, statesApart!, N, baseLog, tw);
      tfhe.rotationDifferenceDigitsTwisted(fourierFused!, statesFused!, src!, N, power, baseLog, level, tw);
      const f64 = (ptr: number): number[] => Array.from(new Float64Array(tfhe.memory.buffer, ptr, N));
      const u64 = (ptr: number): bigint[] => Array.from(new BigUint64Array(tfhe.memory.buffer, ptr, N));
      expect({ power, fourier: f64(fourierFused!) }).toEqual({ power, fourier: f64(fourierApart!) });
      if (power !== 0) expect(f64(fourierFused!).some((x) => x !== 0)).toBe(true);
      // The carried states matter only when more levels remain (the fused kernel skips them at
      // l = 1); they are u32 when base * level <= 31, else u64, and every later level's digits
      // taken from them must equal the unfused ones.
      if (level > 1) {
        const narrow = baseLog * level <= 31;
        const fusedStates = narrow ? Array.from(new Uint32Array(tfhe.memory.buffer, statesFused!, N), BigInt) : u64(statesFused!);
        expect({ power, states: fusedStates }).toEqual({ power, states: u64(statesApart!) });
        for (let j = level - 1; j >= 1; j--) {
          tfhe.decompositionNextDigitsTwisted(fourierApart!, statesApart!, N, baseLog, tw);
          tfhe.cmuxNextDigitsTwisted(fourierFused!, statesFused!, N, baseLog, level, tw);
          expect({ power, j, fourier: f64(fourierFused!) }).toEqual({ power, j, fourier: f64(fourierApart!) });
        }
      }
    }
    for (const p of [tw, src, statesApart, fourierApart, statesFused, fourierFused]) allocator.release(p!);
  });
});
