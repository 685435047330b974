import { beforeAll, describe, expect, it } from '@jest/globals';
import { fixtureSplit, maxAbsDiff, readFixture } from '../__fixtures__/fixture-split.js';
import { loadDiabetes } from '../datasets/loaders.js';
import { ElasticNet } from './elastic-net.js';
import { GammaRegressor, PoissonRegressor, TweedieRegressor } from './glm-regressors.js';
import { Lasso } from './lasso.js';
import { LinearRegression } from './linear-regression.js';
import { LinearSVR } from './linear-svr.js';
import { Ridge } from './ridge.js';

interface RegressorFixture {
  coef: number[];
  intercept: number;
  predictions: number[];
}

const fixture = readFixture<{ diabetes: Record<string, RegressorFixture> }>('sklearn-linear.json').diabetes;
let data: ReturnType<typeof fixtureSplit>;

beforeAll(async () => {
  data = fixtureSplit(await loadDiabetes(), true);
});

/** Relative error of our coefficients and predictions against sklearn's. */
function compare(model: { fit(X: number[][], y: number[]): unknown; predict(X: number[][]): number[]; coef: number[]; intercept: number }, name: string) {
  const ref = fixture[name] as RegressorFixture;
  model.fit(data.xTrain, data.yTrain);
  const scale = Math.max(...ref.coef.map(Math.abs), 1e-12);
  return {
    coef: maxAbsDiff(model.coef, ref.coef) / scale,
    intercept: Math.abs(model.intercept - ref.intercept) / Math.max(1, Math.abs(ref.intercept)),
    predictions: maxAbsDiff(model.predict(data.xTest), ref.predictions) / Math.max(...ref.predictions.map(Math.abs)),
  };
}

describe('linear regressors match scikit-learn on diabetes (standardised, fixed split)', () => {
  it('LinearRegression equals lstsq to rounding', () => {
    const err = compare(new LinearRegression(), 'LinearRegression');
    expect(Math.max(err.coef, err.intercept, err.predictions)).toBeLessThan(1e-9);
  });

  it('Ridge equals the Cholesky solution to rounding', () => {
    const err = compare(new Ridge({ alpha: 1 }), 'Ridge');
    expect(Math.max(err.coef, err.intercept, err.predictions)).toBeLessThan(1e-9);
  });

  it('Lasso and ElasticNet agree up to the coordinate-descent tolerance', () => {
    for (const [name, model] of [
      ['Lasso', new Lasso({ alpha: 0.5 })],
      ['ElasticNet', new ElasticNet({ alpha: 0.1, l1Ratio: 0.5 })],
    ] as const) {
      const err = compare(model, name);
      expect(Math.max(err.coef, err.predictions)).toBeLessThan(1e-3);
    }
  });

  it('Lasso zeroes the same coefficients as sklearn', () => {
    const model = new Lasso({ alpha: 0.5 }).fit(data.xTrain, data.yTrain);
    expect(model.coef.map((c) => c === 0)).toEqual((fixture.Lasso as RegressorFixture).coef.map((c) => c === 0));
  });

  it('Poisson, Gamma and Tweedie GLMs reach the same optimum as the lbfgs of sklearn (both run to tol 1e-10)', () => {
    for (const [name, model] of [
      ['PoissonRegressor', new PoissonRegressor({ alpha: 0.01, tol: 1e-10, maxIter: 1000 })],
      ['GammaRegressor', new GammaRegressor({ alpha: 0.01, tol: 1e-10, maxIter: 1000 })],
      ['TweedieRegressor', new TweedieRegressor({ power: 1.5, alpha: 0.01, tol: 1e-10, maxIter: 1000 })],
    ] as const) {
      const err = compare(model, name);
      expect(Math.max(err.coef, err.predictions)).toBeLessThan(1e-5);
    }
  });

  it('LinearSVR (dual coordinate descent) lands on the same solution as liblinear', () => {
    const err = compare(new LinearSVR({ C: 10, epsilon: 5, maxIter: 100000, tol: 1e-6 }), 'LinearSVR');
    expect(err.predictions).toBeLessThan(1e-2);
  });
});
