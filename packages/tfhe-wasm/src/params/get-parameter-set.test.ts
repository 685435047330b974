import { describe, expect, it } from '@jest/globals';
import { noise } from '../noise/index.js';
import { getParameterSet } from './get-parameter-set.js';
import { InvalidParameterError } from '../errors.js';
import { parameterSets } from './presets.js';

describe('getParameterSet', () => {
  it('returns the published set of each precision for the default p_fail 2^-64', () => {
    for (let precision = 1; precision <= 8; precision++) {
      expect(getParameterSet({ precision })).toBe(parameterSets[precision - 1]);
    }
  });

  it('moves to a larger set, re-labelled for the precision, when the own set misses pFail', () => {
    const set = getParameterSet({ precision: 3, pFail: 2 ** -80 });
    expect(set.precision).toBe(3);
    expect(set.polynomialSize).toBeGreaterThan(parameterSets[2]!.polynomialSize);
    expect(noise.log2PFail(set, { precision: 3, norm2: set.maxNorm2 })).toBeLessThanOrEqual(-80);
    expect(set.recordedLog2PFail).toBeUndefined();
  });

  it('rejects unsupported precisions and unreachable or invalid pFail with InvalidParameterError', () => {
    expect(() => getParameterSet({ precision: 0 })).toThrow(InvalidParameterError);
    expect(() => getParameterSet({ precision: 9 })).toThrow(/supported precisions are 1 to 8/);
    expect(() => getParameterSet({ precision: 8, pFail: 2 ** -70 })).toThrow(/no preset reaches/);
    expect(() => getParameterSet({ precision: 4, pFail: 0 })).toThrow(InvalidParameterError);
    expect(() => getParameterSet({ precision: 4, pFail: 1.5 })).toThrow(InvalidParameterError);
  });
});
