import { describe, expect, it } from '@jest/globals';
import { LogisticRegression } from '../linear-model/logistic-regression.js';
import { StandardScaler } from '../preprocessing/standard-scaler.js';
import { UniformQuantizer } from '../quantization/uniform-quantizer.js';

const X = [
  [0, 1],
  [1, 0],
  [2, 3],
  [3, 2],
];
const y = [0, 0, 1, 1];

describe('FHE API errors', () => {
  it('compile before fit throws NotFittedError', () => {
    expect(() => new LogisticRegression().compile(X)).toThrow(expect.objectContaining({ name: 'NotFittedError' }));
  });

  it('the compiled model before compile throws NotCompiledError', () => {
    const model = new LogisticRegression().fit(X, y);
    expect(() => model.fhe).toThrow(expect.objectContaining({ name: 'NotCompiledError' }));
    expect(() => model.fheCircuit).toThrow(/not compiled yet: call compile\(X\)/);
    const fhe = model.compile(X, { nBits: 2, weightBits: 2, accumulatorBits: 4 });
    expect(model.fhe).toBe(fhe);
    expect(model.fheCircuit).toBe(fhe.circuit);
  });

  it('wrong feature count and NaN inputs are refused before quantization', () => {
    const fhe = new LogisticRegression().fit(X, y).compile(X, { nBits: 2, weightBits: 2, accumulatorBits: 4 });
    expect(() => fhe.predict([[1, 2, 3]], { fhe: 'simulate' })).toThrow(expect.objectContaining({ name: 'FeatureCountError' }));
    expect(() => fhe.predict([[1, Number.NaN]])).toThrow(expect.objectContaining({ name: 'InvalidInputError' }));
  });

  it('a compile inputset with another feature count, a model without FHE lowering, too narrow sums', () => {
    const model = new LogisticRegression().fit(X, y);
    expect(() => model.compile([[1, 2, 3]])).toThrow(expect.objectContaining({ name: 'UnsupportedModelError' }));
    expect(() => new StandardScaler().fit(X).compile(X)).toThrow(expect.objectContaining({ name: 'UnsupportedModelError' }));
    expect(() => model.compile(X, { nBits: 4, weightBits: 4, accumulatorBits: 6 })).toThrow(/accumulatorBits >= 7/);
  });

  it('quantizers refuse bad bit counts and scales', () => {
    expect(() => new UniformQuantizer({ nBits: 0, signed: false, scale: [1], zeroPoint: [0] })).toThrow(expect.objectContaining({ name: 'InvalidParameterError' }));
    expect(() => new UniformQuantizer({ nBits: 4, signed: false, scale: [0], zeroPoint: [0] })).toThrow(/positive/);
  });

  it('a calibrated quantizer maps the observed range onto [0, 2^n - 1] and back within half a step', () => {
    const q = UniformQuantizer.calibrate([[-2, 0, 6]], 3, false);
    expect([-2, 6, 100, -100].map((v) => q.quantize(v))).toEqual([0, 7, 7, 0]);
    for (const v of [-2, -1.3, 0, 2.5, 6]) expect(Math.abs(q.dequantize(q.quantize(v)) - v)).toBeLessThanOrEqual(8 / 7 / 2 + 1e-12);
  });
});
