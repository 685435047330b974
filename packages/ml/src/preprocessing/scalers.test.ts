import { describe, expect, it } from '@jest/globals';
import { maxAbsDiff, readFixture } from '../__fixtures__/fixture-split.js';
import { InvalidParameterError } from '../core/errors.js';
import { LogisticRegression } from '../linear-model/logistic-regression.js';
import { MinMaxScaler } from './min-max-scaler.js';
import { makePipeline } from './pipeline.js';
import { StandardScaler } from './standard-scaler.js';

const f = readFixture<{ scaling: { X: number[][]; standard: number[][]; minMax: number[][] } }>('sklearn-utilities.json').scaling;

describe('scalers against scikit-learn (one constant feature included)', () => {
  it('StandardScaler gives sklearn’s z-scores and leaves the constant feature at 0', () => {
    const z = new StandardScaler().fitTransform(f.X);
    expect(maxAbsDiff(z.flat(), f.standard.flat())).toBeLessThan(1e-12);
    expect(z.every((r) => r[2] === 0)).toBe(true);
  });

  it('MinMaxScaler maps onto featureRange as sklearn', () => {
    expect(maxAbsDiff(new MinMaxScaler({ featureRange: [-1, 1] }).fitTransform(f.X).flat(), f.minMax.flat())).toBeLessThan(1e-12);
  });

  it('inverseTransform undoes transform', () => {
    for (const scaler of [new StandardScaler(), new MinMaxScaler()]) {
      expect(maxAbsDiff(scaler.inverseTransform(scaler.fitTransform(f.X)).flat(), f.X.flat())).toBeLessThan(1e-12);
    }
  });

  it('MinMaxScaler clips unseen values when asked and rejects an empty range', () => {
    const scaler = new MinMaxScaler({ clip: true }).fit([[0], [10]]);
    expect(scaler.transform([[-5], [5], [20]])).toEqual([[0], [0.5], [1]]);
    expect(() => new MinMaxScaler({ featureRange: [1, 1] })).toThrow(InvalidParameterError);
  });
});

describe('Pipeline', () => {
  it('fits the scaler on training rows only and feeds its output to the model', () => {
    const X = [[0, 100], [1, 300], [2, 100], [3, 300], [4, 200], [5, 200]];
    const y = [0, 1, 0, 1, 0, 1];
    const pipeline = makePipeline(new StandardScaler(), new LogisticRegression()).fit(X, y);
    const scaled = new StandardScaler().fit(X).transform(X);
    expect(pipeline.predict(X)).toEqual(new LogisticRegression().fit(scaled, y).predict(scaled));
    expect(pipeline.predictProba(X)[0]).toHaveLength(2);
  });
});
