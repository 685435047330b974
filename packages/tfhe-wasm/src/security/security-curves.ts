/**
 * Lattice-estimator security curves for LWE with a binary secret and q = 2^64, as fitted by
 * Zama for Concrete and tfhe-rs: for lambda bits of security, a noise std dev sigma
 * (torus-normalized) is secure at dimension n >= minimalDimension when
 *
 *     log2(sigma) >= max(slope * n + bias, -62)
 *
 * (-62: the noise must cover at least the two lowest bits of the 2^64 torus.)
 *
 * Sources (zama-ai/concrete, tools/parameter-curves/):
 * - 128 and 132 bits: `concrete-security-curves-rust/src/gaussian/curves_gen.rs`, the
 *   current curves (128 is the line of ARCHITECTURE.md; 132 is the stricter line tfhe-rs
 *   uses for its own sets).
 * - 80 ... 256 bits: `verified_curves.txt` (the v0 family, estimator of 2022), used for the
 *   other levels so that a number of bits can be interpolated between lines.
 * The lines are non-decreasing in lambda at every n >= 450 (tested), which the
 * interpolation in security-level.ts relies on.
 */
export interface SecurityCurve {
  readonly bits: number;
  readonly slope: number;
  readonly bias: number;
  readonly minimalDimension: number;
}

/** log2 of the smallest std dev any curve accepts: 2 bits on the 2^64 torus. */
export const LOG2_STD_DEV_FLOOR = -62;

export const securityCurves: readonly SecurityCurve[] = Object.freeze([
  { bits: 80, slope: -0.04042633119364589, bias: 1.6609788641436722, minimalDimension: 450 },
  { bits: 96, slope: -0.03414780360867051, bias: 2.017310258660345, minimalDimension: 450 },
  { bits: 112, slope: -0.029670137081135885, bias: 2.162463714083856, minimalDimension: 450 },
  { bits: 128, slope: -0.025696778711484593, bias: 2.675931372549016, minimalDimension: 450 },
  { bits: 132, slope: -0.024891456582633045, bias: 2.65734593837534, minimalDimension: 450 },
  { bits: 144, slope: -0.023821437305989134, bias: 2.7177789440636673, minimalDimension: 450 },
  { bits: 160, slope: -0.02174358218716036, bias: 2.938810548493322, minimalDimension: 498 },
  { bits: 176, slope: -0.019904056582117684, bias: 2.8161252801542247, minimalDimension: 551 },
  { bits: 192, slope: -0.018610403247590085, bias: 3.2996236848399008, minimalDimension: 606 },
  { bits: 256, slope: -0.014606812351714953, bias: 3.8493629234693003, minimalDimension: 826 },
]);

/** log2 of the smallest secure std dev for `curve` at `dimension` (+Infinity below its range). */
export function requiredLog2StdDev(curve: SecurityCurve, dimension: number): number {
  if (dimension < curve.minimalDimension) return Number.POSITIVE_INFINITY;
  return Math.max(curve.slope * dimension + curve.bias, LOG2_STD_DEV_FLOOR);
}
