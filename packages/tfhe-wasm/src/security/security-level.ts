import type { ParameterSet } from '../params/parameter-set.js';
import { InvalidParameterError } from '../errors.js';
import { LOG2_STD_DEV_FLOOR, requiredLog2StdDev, securityCurves, type SecurityCurve } from './security-curves.js';

const lowest = securityCurves[0]!;
const secondLowest = securityCurves[1]!;
const highest = securityCurves[securityCurves.length - 1]!;

/**
 * Bits of security of LWE with a binary key of `dimension` and noise std dev `stdDev`
 * (torus-normalized), from the security curves: where log2(stdDev) falls between the
 * requirements of two neighbouring levels at this dimension, the level is interpolated
 * linearly. Results are capped at 256 (the highest curve); under 80 bits they extrapolate
 * the 80-96 segment down to 0 and only mean "insecure". A dimension under 450 (no curve
 * applies) or a std dev under 2^-62 (zero included) gives 0.
 */
export function lweSecurityBits(dimension: number, stdDev: number): number {
  checkDimension(dimension);
  if (!(stdDev >= 0) || !Number.isFinite(stdDev)) {
    throw new InvalidParameterError(`the noise std dev must be a finite non-negative number, got ${stdDev}`);
  }
  if (stdDev === 0) return 0;
  const log2StdDev = Math.log2(stdDev);
  const requirements = securityCurves.map((curve) => requiredLog2StdDev(curve, dimension));
  let met = -1;
  requirements.forEach((required, i) => {
    if (log2StdDev >= required) met = i;
  });
  if (met === -1) {
    // Below the 80-bit line: extrapolate the 80 -> 96 segment, down to 0.
    const r0 = requirements[0]!;
    const r1 = requirements[1]!;
    if (log2StdDev < LOG2_STD_DEV_FLOOR || !Number.isFinite(r0) || !(r1 > r0)) return 0;
    return Math.max(0, lowest.bits + ((log2StdDev - r0) / (r1 - r0)) * (secondLowest.bits - lowest.bits));
  }
  if (met === securityCurves.length - 1) return highest.bits;
  const below = requirements[met]!;
  const above = requirements[met + 1]!;
  const [lo, hi] = [securityCurves[met]!, securityCurves[met + 1]!];
  if (!Number.isFinite(above)) return lo.bits;
  return lo.bits + ((log2StdDev - below) / (above - below)) * (hi.bits - lo.bits);
}

/** Security of each part of a KS_PBS parameter set and of the whole (their minimum). */
export interface SecurityReport {
  /** The small LWE key: dimension n, noise lweNoiseStdDev (keyswitch key). */
  readonly lwe: number;
  /** The GLWE key: dimension k*N, noise glweNoiseStdDev (bootstrap key, fresh ciphertexts). */
  readonly glwe: number;
  readonly overall: number;
}

export function securityReport(params: ParameterSet): SecurityReport {
  const lwe = lweSecurityBits(params.lweDimension, params.lweNoiseStdDev);
  const glwe = lweSecurityBits(params.glweDimension * params.polynomialSize, params.glweNoiseStdDev);
  return { lwe, glwe, overall: Math.min(lwe, glwe) };
}

/** Bits of security of a parameter set: the weaker of its LWE and GLWE parts. */
export function securityBits(params: ParameterSet): number {
  return securityReport(params).overall;
}

/**
 * The smallest noise std dev (torus-normalized) that gives `securityLevel` bits at
 * `dimension` (for GLWE pass k*N). Between two curves, log2(sigma) is interpolated linearly
 * in the level, the inverse of lweSecurityBits. Levels from 80 to 256.
 */
export function minimalStdDev(dimension: number, securityLevel: number): number {
  checkDimension(dimension);
  if (!(securityLevel >= lowest.bits && securityLevel <= highest.bits)) {
    throw new InvalidParameterError(
      `security level ${securityLevel} is outside the range of the curves (${lowest.bits} to ${highest.bits} bits)`,
    );
  }
  const upperIndex = securityCurves.findIndex((curve) => curve.bits >= securityLevel);
  const upper = securityCurves[upperIndex]!;
  const requiredUpper = requiredLog2StdDev(upper, dimension);
  if (!Number.isFinite(requiredUpper)) throw tooSmall(dimension, upper);
  if (upper.bits === securityLevel) return 2 ** requiredUpper;
  const lower = securityCurves[upperIndex - 1]!;
  const requiredLower = requiredLog2StdDev(lower, dimension);
  const t = (securityLevel - lower.bits) / (upper.bits - lower.bits);
  return 2 ** (requiredLower + t * (requiredUpper - requiredLower));
}

function checkDimension(dimension: number): void {
  if (!Number.isInteger(dimension) || dimension <= 0) {
    throw new InvalidParameterError(`an LWE dimension must be a positive integer, got ${dimension}`);
  }
}

function tooSmall(dimension: number, curve: SecurityCurve): InvalidParameterError {
  return new InvalidParameterError(
    `no std dev gives ${curve.bits} bits at dimension ${dimension}: the curve starts at n = ${curve.minimalDimension}`,
  );
}
