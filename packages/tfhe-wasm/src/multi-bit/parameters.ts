import type { ParameterSet } from '../params/parameter-set.js';

/** A KS -> PBS parameter set whose bootstrap key groups the n small-key bits by `groupingFactor`. */
export interface MultiBitParameterSet extends ParameterSet {
  /** g: key bits per group; the key holds 2^g - 1 GGSWs per group and n must be a multiple of g. */
  readonly groupingFactor: number;
}

/**
 * tfhe-rs 0.11's multi-bit sets (shortint `v0_11/multi_bit/gaussian/p_fail_2_minus_64/ks_pbs.rs`,
 * 128-bit security, Gaussian noise, p_fail <= 2^-64) at the precisions of the classic presets
 * they compete with: MESSAGE_2_CARRY_2 (4 bits) and MESSAGE_3_CARRY_3 (6 bits), g = 2 and 3.
 * Values copied field by field; `recordedLog2PFail` is the set's published `log2_p_fail`.
 */
export const MULTI_BIT_PARAMETER_SETS: readonly MultiBitParameterSet[] = Object.freeze([
  Object.freeze({
    name: 'MULTI_BIT_GROUP_2_MESSAGE_2_CARRY_2_KS_PBS_GAUSSIAN_2M64',
    precision: 4,
    groupingFactor: 2,
    lweDimension: 870,
    glweDimension: 1,
    polynomialSize: 2048,
    lweNoiseStdDev: 1.909701670065187e-6,
    glweNoiseStdDev: 2.845267479601915e-15,
    pbsBaseLog: 22,
    pbsLevel: 1,
    ksBaseLog: 4,
    ksLevel: 4,
    maxNorm2: 5,
    recordedLog2PFail: -64.609,
  }),
  Object.freeze({
    name: 'MULTI_BIT_GROUP_3_MESSAGE_2_CARRY_2_KS_PBS_GAUSSIAN_2M64',
    precision: 4,
    groupingFactor: 3,
    lweDimension: 909,
    glweDimension: 1,
    polynomialSize: 2048,
    lweNoiseStdDev: 9.743962418842052e-7,
    glweNoiseStdDev: 2.845267479601915e-15,
    pbsBaseLog: 22,
    pbsLevel: 1,
    ksBaseLog: 5,
    ksLevel: 3,
    maxNorm2: 5,
    recordedLog2PFail: -64.256,
  }),
  Object.freeze({
    name: 'MULTI_BIT_GROUP_2_MESSAGE_3_CARRY_3_KS_PBS_GAUSSIAN_2M64',
    precision: 6,
    groupingFactor: 2,
    lweDimension: 978,
    glweDimension: 1,
    polynomialSize: 8192,
    lweNoiseStdDev: 2.962875621642539e-7,
    glweNoiseStdDev: 2.168404344971009e-19,
    pbsBaseLog: 14,
    pbsLevel: 2,
    ksBaseLog: 3,
    ksLevel: 6,
    maxNorm2: 9,
    recordedLog2PFail: -64.367,
  }),
  Object.freeze({
    name: 'MULTI_BIT_GROUP_3_MESSAGE_3_CARRY_3_KS_PBS_GAUSSIAN_2M64',
    precision: 6,
    groupingFactor: 3,
    lweDimension: 978,
    glweDimension: 1,
    polynomialSize: 8192,
    lweNoiseStdDev: 2.962875621642539e-7,
    glweNoiseStdDev: 2.168404344971009e-19,
    pbsBaseLog: 14,
    pbsLevel: 2,
    ksBaseLog: 3,
    ksLevel: 6,
    maxNorm2: 9,
    recordedLog2PFail: -64.372,
  }),
]);

/** The published multi-bit set for a precision (4 or 6) and grouping factor (2 or 3). */
export function getMultiBitParameterSet(precision: number, groupingFactor: number): MultiBitParameterSet {
  const found = MULTI_BIT_PARAMETER_SETS.find((p) => p.precision === precision && p.groupingFactor === groupingFactor);
  if (!found) {
    throw new MultiBitParameterError(`no published multi-bit set for ${precision} bits with grouping factor ${groupingFactor} (have 4 and 6 bits, g = 2 and 3)`);
  }
  return found;
}

/** A multi-bit parameter set or key that cannot work (bad grouping factor, mismatched keys). */
export class MultiBitParameterError extends Error {
  override readonly name = 'MultiBitParameterError';
}

/** Throws MultiBitParameterError unless g is 1..4 and divides n. */
export function checkGrouping(params: MultiBitParameterSet): void {
  const { groupingFactor: g, lweDimension: n } = params;
  if (!Number.isInteger(g) || g < 1 || g > 4) throw new MultiBitParameterError(`${params.name}: grouping factor ${g} is not an integer in [1, 4]`);
  if (n % g !== 0) throw new MultiBitParameterError(`${params.name}: n = ${n} is not a multiple of the grouping factor ${g}`);
}
