import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtureSplit } from '../__fixtures__/fixture-split.js';
import { loadBreastCancer, loadDiabetes, loadIris } from '../datasets/loaders.js';
import { RandomForestClassifier } from '../ensemble/random-forest-classifier.js';
import { RandomForestRegressor } from '../ensemble/random-forest-regressor.js';
import { accuracyScore } from '../metrics/accuracy.js';
import { r2Score } from '../metrics/regression.js';
import { DecisionTreeClassifier } from '../tree/decision-tree-classifier.js';
import { DecisionTreeRegressor } from '../tree/decision-tree-regressor.js';
import { XGBClassifier } from '../xgboost/xgb-classifier.js';
import { XGBRegressor } from '../xgboost/xgb-regressor.js';
import type { FheModel } from './fhe-model.js';
import { KeyShare } from './testing/key-share.js';

let cancer: ReturnType<typeof fixtureSplit>;
let iris: ReturnType<typeof fixtureSplit>;
let diabetes: ReturnType<typeof fixtureSplit>;
const keys = new KeyShare();

beforeAll(async () => {
  cancer = fixtureSplit(await loadBreastCancer(), false);
  iris = fixtureSplit(await loadIris(), false);
  diabetes = fixtureSplit(await loadDiabetes(), false);
});
afterAll(() => keys.dispose());

/** simulate equals the quantized clear prediction (trees walked in plain JS) on the whole test split; execute on one sample. */
async function expectModesAgree(fhe: FheModel, xTest: number[][]): Promise<number[]> {
  const clear = fhe.predict(xTest);
  expect(fhe.predict(xTest, { fhe: 'simulate' })).toEqual(clear);
  await keys.attach(fhe);
  expect(await fhe.predict(xTest.slice(0, 1), { fhe: 'execute' })).toEqual(clear.slice(0, 1));
  return clear;
}

describe('tree classifiers on encrypted data (3-bit features)', () => {
  it('DecisionTreeClassifier: at most one lookup per comparison and per leaf, accuracy close to float', async () => {
    const model = new DecisionTreeClassifier({ maxDepth: 4, randomState: 0 }).fit(cancer.xTrain, cancer.yTrain);
    const fhe = model.compile(cancer.xTrain, { nBits: 3 });
    const tree = model.tree;
    const internal = tree.feature.filter((f) => f >= 0).length;
    expect(fhe.circuit.statistics.lookups).toBeLessThanOrEqual(2 * internal + 1);
    // 3-bit features; path mismatch counts in [0, 4] also fit 3 bits
    expect(fhe.circuit.program.precision).toBe(3);
    const quantized = await expectModesAgree(fhe, cancer.xTest);
    expect(accuracyScore(cancer.yTest, quantized)).toBeGreaterThan(accuracyScore(cancer.yTest, model.predict(cancer.xTest)) - 0.05);
    // two classes: P(class 1) is computed, P(class 0) is its complement
    const proba = fhe.predictProba(cancer.xTest, { fhe: 'simulate' });
    expect(proba).toEqual(fhe.predictProba(cancer.xTest));
    expect(proba.every((p) => p.length === 2 && Math.abs(p[0]! + p[1]! - 1) < 1e-12)).toBe(true);
    expect(proba.map((p) => (p[1]! > 0.5 ? 1 : 0))).toEqual(quantized);
  });

  it('RandomForestClassifier (3 classes): per-tree outputs summed after decryption', async () => {
    const model = new RandomForestClassifier({ nEstimators: 5, maxDepth: 3, randomState: 0 }).fit(iris.xTrain, iris.yTrain);
    const fhe = model.compile(iris.xTrain, { nBits: 3 });
    expect(fhe.spec.outputCount).toBe(5 * 3);
    const quantized = await expectModesAgree(fhe, iris.xTest);
    expect(accuracyScore(iris.yTest, quantized)).toBeGreaterThan(0.85);
  });

  it('XGBClassifier (binary): quantized margins, sigmoid after decryption', async () => {
    const model = new XGBClassifier({ nEstimators: 5, maxDepth: 2 }).fit(cancer.xTrain, cancer.yTrain);
    const fhe = model.compile(cancer.xTrain, { nBits: 3 });
    const quantized = await expectModesAgree(fhe, cancer.xTest);
    expect(accuracyScore(cancer.yTest, quantized)).toBeGreaterThan(accuracyScore(cancer.yTest, model.predict(cancer.xTest)) - 0.05);
    const margins = fhe.decisionFunction(cancer.xTest) as number[];
    expect(margins).toHaveLength(cancer.xTest.length);
  });

  it('XGBClassifier (3 classes): one margin per class from trees[round][class], softmax after decryption', async () => {
    const model = new XGBClassifier({ nEstimators: 3, maxDepth: 2 }).fit(iris.xTrain, iris.yTrain);
    const fhe = model.compile(iris.xTrain, { nBits: 3 });
    expect(fhe.spec.outputCount).toBe(3 * 3);
    const quantized = await expectModesAgree(fhe, iris.xTest);
    expect(accuracyScore(iris.yTest, quantized)).toBeGreaterThan(accuracyScore(iris.yTest, model.predict(iris.xTest)) - 0.05);
    const margins = fhe.decisionFunction(iris.xTest, { fhe: 'simulate' }) as number[][];
    const floatMargins = model.decisionFunction(iris.xTest) as number[][];
    // quantized margins follow the float ones: same winning class on most samples
    const sameArgmax = margins.filter((m, i) => m.indexOf(Math.max(...m)) === floatMargins[i]!.indexOf(Math.max(...floatMargins[i]!))).length;
    expect(sameArgmax / margins.length).toBeGreaterThan(0.9);
  });
});

describe('tree regressors on encrypted data (5-bit features: a shallow tree loses more to coarse thresholds)', () => {
  const regressors = {
    DecisionTreeRegressor: () => new DecisionTreeRegressor({ maxDepth: 3, randomState: 0 }),
    RandomForestRegressor: () => new RandomForestRegressor({ nEstimators: 4, maxDepth: 3, randomState: 0 }),
    XGBRegressor: () => new XGBRegressor({ nEstimators: 5, maxDepth: 2 }),
  };
  for (const [name, make] of Object.entries(regressors)) {
    it(`${name}: simulate and execute equal the quantized prediction, R² close to float`, async () => {
      const model = make().fit(diabetes.xTrain, diabetes.yTrain);
      const fhe = model.compile(diabetes.xTrain, { nBits: 5 });
      const quantized = await expectModesAgree(fhe, diabetes.xTest);
      expect(r2Score(diabetes.yTest, quantized)).toBeGreaterThan(r2Score(diabetes.yTest, model.predict(diabetes.xTest)) - 0.1);
    });
  }
});
