import { describe, expect, it } from '@jest/globals';
import { InvalidParameterError } from './errors.js';
import { validateParameterSet } from './parameters-check.js';
import { parameterSets } from './params/presets.js';

const fourBit = parameterSets[3]!;

describe('validateParameterSet', () => {
  it('accepts every published preset', () => {
    for (const params of parameterSets) expect(() => validateParameterSet(params)).not.toThrow();
  });

  it('rejects keyswitch decompositions wider than the 32-bit keyswitch key', () => {
    const tooWide = { ...fourBit, name: 'wide-ks', ksBaseLog: 11, ksLevel: 3 };
    expect(() => validateParameterSet(tooWide)).toThrow(InvalidParameterError);
    expect(() => validateParameterSet(tooWide)).toThrow(/KS decomposition 11\/3 .* <= 32/);
  });

  it('rejects a polynomial size that is not a power of two', () => {
    expect(() => validateParameterSet({ ...fourBit, polynomialSize: 3000 })).toThrow(/N = 3000/);
  });

  it('rejects a precision the polynomial cannot hold with its padding bit', () => {
    expect(() => validateParameterSet({ ...fourBit, precision: 11 })).toThrow(/needs N >= 2\^\(p\+1\)/);
  });
});
