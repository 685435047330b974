/**
 * The best decomposition base for each level, from the noise formulas of @cml/tfhe-wasm
 * (noise/variance.ts; torus variances, q = 2^64, B = 2^baseLog, l = level). The work of a
 * keyswitch or bootstrap depends on the level only, so for a given level the optimizer
 * simply takes the base with the least noise. Results are cached: they depend on the
 * security level and the search space, never on a circuit.
 *
 * The terms are restated here, split per external product / per input coefficient, because
 * the search evaluates them millions of times without building ParameterSet objects;
 * decompositions.test.ts checks them against @cml/tfhe-wasm's functions, and every chosen set
 * is reported through those functions.
 */
import { secureStdDev } from './secure-noise.js';

const Q_INV_SQ = 2 ** -128;

export interface Decomposition {
  readonly baseLog: number;
  /** The noise it contributes, in the unit the function documents. */
  readonly variance: number;
}

/**
 * Noise of ONE external product (one CMUX of the blind rotation) with a bootstrap key of
 * noise glweVariance, decomposed with base B and level l:
 *   FFT + l*N*(k+1)*V_bsk*(B^2/12 + 1/6) + (kN/2)*(q^-2/48 + B^(-2l)/24) + B^(-2l)/24
 * FFT = 2^(-2.57722494 + 2*(64-53)) * l * B^2 * N^2 * (k+1) * q^-2 (f64 rounding).
 * A bootstrap's output variance is n times this.
 */
export function externalProductVariance(k: number, N: number, baseLog: number, level: number, glweVariance: number): number {
  const base = 2 ** baseLog;
  const rounding = base ** (-2 * level) / 24;
  const fft = 2 ** (-2.57722494 + 2 * (64 - 53)) * level * base * base * N * N * (k + 1) * Q_INV_SQ;
  return fft + level * N * (k + 1) * glweVariance * (base * base / 12 + 1 / 6) + ((k * N) / 2) * (Q_INV_SQ / 48 + rounding) + rounding;
}

/**
 * Keyswitch noise PER INPUT COEFFICIENT (the keyswitch of a kN-dimensional ciphertext has kN
 * times this) with a keyswitch key of noise lweVariance:
 *   l*V_ksk*(B^2/12 + 1/6) + q^-2/48 + B^(-2l)/24
 */
export function keyswitchVariancePerInput(baseLog: number, level: number, lweVariance: number): number {
  const base = 2 ** baseLog;
  return level * lweVariance * (base * base / 12 + 1 / 6) + Q_INV_SQ / 48 + base ** (-2 * level) / 24;
}

/**
 * Modulus switch to 2N before the blind rotation, for n mask coefficients:
 * standard n*(q^-2/48 + (2N)^-2/24) + (2N)^-2/12; centered n*(q^-2/24 + (2N)^-2/48).
 */
export function modulusSwitchVariance(n: number, N: number, centered: boolean): number {
  const step = (2 * N) ** -2;
  return centered ? n * (Q_INV_SQ / 24 + step / 48) : n * (Q_INV_SQ / 48 + step / 24) + step / 12;
}

function bestOver(maxBaseLog: number, variance: (baseLog: number) => number): Decomposition {
  let best: Decomposition = { baseLog: 1, variance: variance(1) };
  for (let baseLog = 2; baseLog <= maxBaseLog; baseLog++) {
    const v = variance(baseLog);
    if (v < best.variance) best = { baseLog, variance: v };
  }
  return best;
}

/** The PBS base with the least external-product noise at this level. */
export function bestPbsDecomposition(k: number, N: number, level: number, glweVariance: number, maxBits: number): Decomposition {
  return bestOver(Math.floor(maxBits / level), (b) => externalProductVariance(k, N, b, level, glweVariance));
}

/**
 * For one keyswitch level, the least per-input noise and its base at every n of [nMin, nMax]
 * (the keyswitch key's noise, hence the best base, depends on n). Entries where the security
 * curve gives no noise are +Infinity.
 */
export interface KeyswitchTable {
  readonly nMin: number;
  readonly variance: Float64Array;
  readonly baseLog: Uint8Array;
}

const keyswitchTables = new Map<string, KeyswitchTable>();

/** Keyswitch-key noise at each n: the minimal std dev the security curve allows. */
export function keyswitchTable(level: number, securityLevel: number, nMin: number, nMax: number, maxBits: number): KeyswitchTable {
  const key = `${level}/${securityLevel}/${nMin}/${nMax}/${maxBits}`;
  const cached = keyswitchTables.get(key);
  if (cached) return cached;
  const size = nMax - nMin + 1;
  const variance = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
  const baseLog = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    const sigma = secureStdDev(nMin + i, securityLevel);
    if (sigma === undefined) continue;
    const best = bestOver(Math.floor(maxBits / level), (b) => keyswitchVariancePerInput(b, level, sigma * sigma));
    variance[i] = best.variance;
    baseLog[i] = best.baseLog;
  }
  const table = { nMin, variance, baseLog };
  keyswitchTables.set(key, table);
  return table;
}
