import { bootstrapVariance, fftVariance } from '../noise/variance.js';
import type { MultiBitParameterSet } from './parameters.js';

/**
 * Predicted output variance of a multi-bit bootstrap (torus units), from the classic per-
 * external-product terms of noise/variance.ts (V_fft, key term V_key = l N (k+1) V_bsk
 * (B^2/12 + 1/6), decomposition rounding V_dec = (kN/2)(q^-2/48 + B^-2l/24) + B^-2l/24):
 *   V = (n/g) * [ 2(2^g - 1) (V_fft + V_key) + 2 V_dec ]
 * One external product per group with G = sum_p GGSW_p (X^(e_p) - 1): G sums 2^g - 1 GGSWs,
 * each multiplied by a polynomial with two +-1 coefficients, so its noise and its magnitude
 * (which sets the FFT's rounding error) carry 2(2^g - 1) times one GGSW's variance; the
 * decomposition error of ACC is multiplied by G's message X^e - 1, twice a bit's variance.
 * This is this module's own derivation (not tfhe-rs's fitted multi-bit formula); the tests
 * check it against measured variance.
 */
export function multiBitBootstrapVariance(params: MultiBitParameterSet): number {
  const g = params.groupingFactor;
  const oneBit = { ...params, lweDimension: 1 };
  const fft = fftVariance(params);
  const withoutFft = bootstrapVariance(oneBit, () => 0);
  const base = 2 ** params.pbsBaseLog;
  const keyTerm = params.pbsLevel * params.polynomialSize * (params.glweDimension + 1) * params.glweNoiseStdDev ** 2 * (base * base / 12 + 1 / 6);
  const decomposition = withoutFft - keyTerm;
  return (params.lweDimension / g) * (2 * (2 ** g - 1) * (fft + keyTerm) + 2 * decomposition);
}
