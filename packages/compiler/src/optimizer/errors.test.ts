import { describe, expect, it } from '@jest/globals';
import { InvalidConstraintsError, NoParametersError } from './errors.js';
import { optimizeParameters } from './optimize-parameters.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('when nothing fits', () => {
  it('rejects 12-bit lookups with a NoParametersError naming the precision, norm, p_error and the remedies', () => {
    const error = thrown(() => optimizeParameters({ lookupPrecision: 12, norm2: 3 }));
    expect(error).toBeInstanceOf(NoParametersError);
    const { message, name, request } = error as NoParametersError;
    expect(name).toBe('NoParametersError');
    expect(request).toEqual({ lookupPrecision: 12, norm2: 3, pError: 2 ** -40, securityLevel: 128 });
    expect(message).toMatch(/12-bit table lookups/);
    expect(message).toMatch(/2-norm 3 /);
    expect(message).toMatch(/p_error 2\^-40/);
    expect(message).toMatch(/roundBitPattern/);
    expect(message).toMatch(/fewer bits/);
    expect(message).toMatch(/larger pError/);
  });

  it('rejects a norm too large for any set (8-bit lookups of 2-norm 10^4)', () => {
    expect(() => optimizeParameters({ lookupPrecision: 8, norm2: 1e4 })).toThrow(NoParametersError);
  });

  it('fits 8-bit lookups only when the bootstrap key may exceed the default 2 GiB cap', () => {
    const constraints = { lookupPrecision: 8, norm2: 17, pError: 2 ** -64 };
    expect(() => optimizeParameters(constraints, { centeredModulusSwitch: false })).toThrow(/under 2\.0 GiB/);
    const big = optimizeParameters(constraints, { centeredModulusSwitch: false, searchSpace: { maxBootstrapKeyBytes: 2 ** 32 } });
    expect(big.report.keySizes.bootstrapKeyBytes).toBeGreaterThan(2 ** 31);
  });

  it('blames a lookup-free output that no set can decrypt (20 bits of 2-norm 1000) when the lookups fit', () => {
    const error = thrown(() => optimizeParameters({ lookupPrecision: 2, lookupFreeOutput: { precision: 20, norm2: 1000 } }));
    expect(error).toBeInstanceOf(NoParametersError);
    expect((error as Error).message).toMatch(/the lookups fit, but no set decrypts a 20-bit lookup-free result of 2-norm 1000/);
  });

  it('says "a circuit without table lookups" when only a lookup-free output is asked for (60 bits of 2-norm 10^6)', () => {
    const error = thrown(() => optimizeParameters({ lookupPrecision: 0, lookupFreeOutput: { precision: 60, norm2: 1e6 } }));
    expect(error).toBeInstanceOf(NoParametersError);
    expect((error as Error).message).toMatch(/for a circuit without table lookups at p_error 2\^-40.*no set decrypts a 60-bit/);
  });

  it('rejects malformed constraints with InvalidConstraintsError before searching', () => {
    expect(() => optimizeParameters({ lookupPrecision: 4, norm2: -1 })).toThrow(InvalidConstraintsError);
    expect(() => optimizeParameters({ lookupPrecision: 4, pError: 2 })).toThrow(InvalidConstraintsError);
    expect(() => optimizeParameters({ lookupPrecision: 4, securityLevel: 300 }, { allowedSecurityLevels: [300] })).toThrow(
      /outside the security curves \(80 to 256 bits\)/,
    );
  });

  it.each([
    [{ glweDimensions: [] }, /glweDimensions/],
    [{ glweDimensions: [0] }, /glweDimensions/],
    [{ log2PolynomialSizes: [17] }, /log2PolynomialSizes/],
    [{ lweDimensions: { min: 900, max: 800 } }, /lweDimensions/],
    [{ maxPbsLevel: 0 }, /maxPbsLevel/],
    [{ maxKsLevel: 33 }, /maxKsLevel must be 1..32/],
    [{ maxKeyswitchDecompositionBits: 0 }, /maxKeyswitchDecompositionBits/],
    [{ maxDecompositionBits: 64 }, /maxDecompositionBits/],
    [{ maxBootstrapKeyBytes: 0 }, /maxBootstrapKeyBytes/],
  ])('rejects the search space %j with InvalidConstraintsError', (searchSpace, message) => {
    expect(() => optimizeParameters({ lookupPrecision: 4 }, { searchSpace })).toThrow(InvalidConstraintsError);
    expect(() => optimizeParameters({ lookupPrecision: 4 }, { searchSpace })).toThrow(message);
  });
});
