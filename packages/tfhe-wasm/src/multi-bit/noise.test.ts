import { describe, expect, it } from '@jest/globals';
import { log2Erfc } from '../noise/erfc.js';
import { bootstrapVariance, keyswitchVariance, modulusSwitchVariance } from '../noise/variance.js';
import { multiBitBootstrapVariance } from './noise.js';
import { MULTI_BIT_PARAMETER_SETS, getMultiBitParameterSet, MultiBitParameterError } from './parameters.js';

describe('the multi-bit noise model', () => {
  it.each(MULTI_BIT_PARAMETER_SETS.map((p) => [p.name, p] as const))(
    "%s: log2 p_fail at the set's 2-norm is within 0.5 of tfhe-rs's recorded value",
    (_, params) => {
      // Standard modulus switch, as tfhe-rs's optimizer assumed; the bootstrap term enters nu^2 times.
      const variance = params.maxNorm2 ** 2 * multiBitBootstrapVariance(params) + keyswitchVariance(params) + modulusSwitchVariance(params, false);
      const log2PFail = log2Erfc(2 ** -(params.precision + 2) / Math.sqrt(2 * variance));
      expect(Math.abs(log2PFail - params.recordedLog2PFail!)).toBeLessThan(0.5);
    },
  );

  it('is twice the classic bootstrap variance for g = 1 (X^a - 1 multiplies the key instead of the accumulator)', () => {
    const params = { ...getMultiBitParameterSet(4, 2), groupingFactor: 1 };
    expect(multiBitBootstrapVariance(params) / bootstrapVariance(params)).toBeCloseTo(2, 12);
  });

  it('names the missing set', () => {
    expect(() => getMultiBitParameterSet(5, 2)).toThrow(MultiBitParameterError);
    expect(() => getMultiBitParameterSet(4, 4)).toThrow(/grouping factor 4/);
  });
});
