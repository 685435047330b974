import { describe, expect, it } from '@jest/globals';
import type { ParameterSet } from '../params/parameter-set.js';
import { InvalidParameterError } from '../errors.js';
import { parameterSets } from '../params/presets.js';
import { noise } from './index.js';

describe('noise.log2PFail (known answers: tfhe-rs v0_11 KS_PBS Gaussian 2^-64 sets)', () => {
  const rows = parameterSets.map((p) => [p.precision, p] as const);

  // The requirement is 0.5; the model (concrete-cpu's FFT term) reproduces them to 0.001.
  it.each(rows)('reproduces the recorded log2 p_fail of the %i-bit set within 0.01', (precision, params) => {
    const modelled = noise.log2PFail(params, { precision, norm2: params.maxNorm2 });
    expect(params.recordedLog2PFail).toBeDefined();
    expect(Math.abs(modelled - params.recordedLog2PFail!)).toBeLessThan(0.01);
  });

  it('agrees with pFail, which is 2^log2PFail', () => {
    for (const params of parameterSets) {
      const query = { precision: params.precision, norm2: params.maxNorm2 };
      expect(Math.log2(noise.pFail(params, query))).toBeCloseTo(noise.log2PFail(params, query), 9);
    }
  });
});

describe('noise model behaviour', () => {
  const params = parameterSets[3]!; // 4 bits

  it('fails less with a smaller norm2, a lower precision or the centered modulus switch', () => {
    const at = (query: { precision: number; norm2: number; centered?: boolean }): number => noise.log2PFail(params, query);
    const base = at({ precision: 4, norm2: 5 });
    expect(at({ precision: 4, norm2: 2 })).toBeLessThan(base);
    expect(at({ precision: 3, norm2: 5 })).toBeLessThan(base);
    expect(at({ precision: 4, norm2: 5, centered: true })).toBeLessThan(base);
    expect(at({ precision: 5, norm2: 5 })).toBeGreaterThan(base);
  });

  it('reports deep tails in log space (a 1-bit lookup on the 4-bit set)', () => {
    const value = noise.log2PFail(params, { precision: 1, norm2: 1 });
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeLessThan(-1000);
  });

  it('makes the modulus switch the largest term and the keyswitch the second for the 2- to 4-bit sets', () => {
    for (const set of parameterSets.slice(1, 4)) {
      const ms = noise.modulusSwitchVariance(set);
      const ks = noise.keyswitchVariance(set);
      const pbs = set.maxNorm2 ** 2 * noise.bootstrapVariance(set);
      expect(ms).toBeGreaterThan(ks);
      expect(ks).toBeGreaterThan(pbs);
    }
  });

  it('computes the modulus switch variance from its closed form', () => {
    const n = params.lweDimension;
    const step = 1 / (2 * params.polynomialSize) ** 2;
    expect(noise.modulusSwitchVariance(params)).toBeCloseTo(n * step / 24 + step / 12, 20);
    expect(noise.modulusSwitchVariance(params, true)).toBeCloseTo(n * step / 48, 20);
  });

  it('gives the variance of a fresh big-key encryption as sigma_glwe^2', () => {
    expect(noise.freshBigKeyVariance(params)).toBe(params.glweNoiseStdDev ** 2);
  });

  it('keeps the FFT term well below the rest of a bootstrap for small bases, and grows as B^2', () => {
    const smallBase: ParameterSet = { ...params, pbsBaseLog: 10 };
    expect(noise.fftVariance({ ...params, pbsBaseLog: 11 }) / noise.fftVariance(smallBase)).toBeCloseTo(4, 12);
    expect(noise.fftVarianceFitted(params)).toBeGreaterThan(0);
  });

  it('rejects precisions and norms out of range with InvalidParameterError', () => {
    expect(() => noise.pFail(params, { precision: 0, norm2: 1 })).toThrow(InvalidParameterError);
    expect(() => noise.pFail(params, { precision: 2.5, norm2: 1 })).toThrow(InvalidParameterError);
    expect(() => noise.log2PFail(params, { precision: 4, norm2: -1 })).toThrow(InvalidParameterError);
    expect(() => noise.log2PFail(params, { precision: 4, norm2: Number.NaN })).toThrow(InvalidParameterError);
  });
});
