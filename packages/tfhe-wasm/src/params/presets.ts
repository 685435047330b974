import type { ParameterSet } from './parameter-set.js';

/**
 * The published 128-bit KS_PBS Gaussian parameter sets of tfhe-rs (v0_11 classic, p_fail <=
 * 2^-64), one per table-lookup precision. "bits" = message + carry bits of the tfhe-rs set.
 *
 * Source of every number, including recordedLog2PFail (the set's `log2_p_fail`): tfhe-rs,
 * tfhe/src/shortint/parameters/v0_11/classic/gaussian/p_fail_2_minus_64/ks_pbs.rs, the sets
 * V0_11_PARAM_MESSAGE_{m}_CARRY_{c}_KS_PBS_GAUSSIAN_2M64 named beside each preset.
 */
function preset(
  precision: number,
  lweDimension: number,
  glweDimension: number,
  polynomialSize: number,
  lweNoiseStdDev: number,
  glweNoiseStdDev: number,
  [pbsBaseLog, pbsLevel]: [number, number],
  [ksBaseLog, ksLevel]: [number, number],
  maxNorm2: number,
  recordedLog2PFail: number,
): ParameterSet {
  return {
    name: `tfhe-rs-v0_11-ks_pbs-gaussian-2m64-${precision}bit`,
    precision,
    lweDimension,
    glweDimension,
    polynomialSize,
    lweNoiseStdDev,
    glweNoiseStdDev,
    pbsBaseLog,
    pbsLevel,
    ksBaseLog,
    ksLevel,
    maxNorm2,
    recordedLog2PFail,
  };
}

export const parameterSets: readonly ParameterSet[] = Object.freeze([
  // MESSAGE_1_CARRY_0
  preset(1, 720, 6, 256, 2.540544392252957e-5, 1.9524392655548086e-11, [17, 1], [4, 3], 1, -64.612),
  // MESSAGE_1_CARRY_1
  preset(2, 781, 4, 512, 8.868480365938865e-6, 2.845267479601915e-15, [23, 1], [4, 3], 3, -64.01),
  // MESSAGE_2_CARRY_1
  preset(3, 857, 2, 1024, 2.389876747499049e-6, 2.845267479601915e-15, [23, 1], [5, 3], 2, -64.176),
  // MESSAGE_2_CARRY_2
  preset(4, 834, 1, 2048, 3.5539902359442825e-6, 2.845267479601915e-15, [23, 1], [3, 5], 5, -64.074),
  // MESSAGE_3_CARRY_2
  preset(5, 935, 1, 4096, 6.221794297398788e-7, 2.168404344971009e-19, [22, 1], [3, 6], 4, -64.064),
  // MESSAGE_3_CARRY_3
  preset(6, 977, 1, 8192, 3.0144389706858286e-7, 2.168404344971009e-19, [15, 2], [3, 6], 9, -64.166),
  // MESSAGE_4_CARRY_3
  preset(7, 1053, 1, 16384, 8.123305578333294e-8, 2.168404344971009e-19, [15, 2], [3, 7], 8, -64.099),
  // MESSAGE_4_CARRY_4
  preset(8, 1112, 1, 32768, 2.935224755982453e-8, 2.168404344971009e-19, [11, 3], [2, 11], 17, -64.033),
]);
