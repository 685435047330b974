import { InvalidParameterError, lweSecurityBits, minimalStdDev } from '@cml/tfhe-wasm';

/** 1 + 2^-40: keeps sigma on the secure side of the curve despite rounding in 2^(log2 sigma). */
const MARGIN = 1 + 2 ** -40;
const cache = new Map<string, number | undefined>();

/**
 * The smallest noise std dev (torus units) that the security curve accepts for `dimension`
 * at `securityLevel` bits, nudged up by a relative 2^-40 so that lweSecurityBits reads it back
 * at or above the level; undefined where no curve applies (dimension below its range).
 */
export function secureStdDev(dimension: number, securityLevel: number): number | undefined {
  const key = `${dimension}/${securityLevel}`;
  if (cache.has(key)) return cache.get(key);
  let sigma: number | undefined;
  try {
    sigma = minimalStdDev(dimension, securityLevel) * MARGIN;
    if (lweSecurityBits(dimension, sigma) < securityLevel) sigma = undefined;
  } catch (error) {
    if (!(error instanceof InvalidParameterError)) throw error;
    sigma = undefined; // below the curve's minimal dimension
  }
  cache.set(key, sigma);
  return sigma;
}
