import { beforeAll, describe, expect, it } from '@jest/globals';
import { agreement, fixtureSplit, maxAbsDiff, readFixture } from '../__fixtures__/fixture-split.js';
import { loadBreastCancer, loadDiabetes, loadWine } from '../datasets/loaders.js';
import { r2Score } from '../metrics/regression.js';
import { treeDepth } from '../tree/tree-structure.js';
import { XGBClassifier } from './xgb-classifier.js';
import { XGBRegressor } from './xgb-regressor.js';

interface XgbFixture {
  breast_cancer: Record<string, { predictions: number[]; probabilities: number[][] }>;
  wine: Record<string, { predictions: number[]; probabilities: number[][] }>;
  diabetes: Record<string, { predictions: number[] }>;
}

const fixture = readFixture<XgbFixture>('sklearn-trees.json');
let cancer: ReturnType<typeof fixtureSplit>;
let wine: ReturnType<typeof fixtureSplit>;
let diabetes: ReturnType<typeof fixtureSplit>;

beforeAll(async () => {
  cancer = fixtureSplit(await loadBreastCancer(), false);
  wine = fixtureSplit(await loadWine(), false);
  diabetes = fixtureSplit(await loadDiabetes(), false);
});

describe('XGBClassifier against xgboost 1.7 (exact trees)', () => {
  it('binary:logistic, 50 trees of depth 3: same trees, so probabilities equal up to float32 rounding', () => {
    const ref = fixture.breast_cancer.XGBClassifier!;
    const model = new XGBClassifier({ nEstimators: 50, maxDepth: 3 }).fit(cancer.xTrain, cancer.yTrain);
    expect(agreement(model.predict(cancer.xTest), ref.predictions)).toBe(1);
    expect(maxAbsDiff(model.predictProba(cancer.xTest).flat(), ref.probabilities.flat())).toBeLessThan(1e-5);
  });

  it('multi:softprob on wine: same trees per class, probabilities equal up to float32 rounding', () => {
    const ref = fixture.wine.XGBClassifier!;
    const model = new XGBClassifier({ nEstimators: 20, maxDepth: 3 }).fit(wine.xTrain, wine.yTrain);
    expect(model.trees[0]).toHaveLength(3);
    expect(model.predict(wine.xTest)).toEqual(ref.predictions);
    expect(maxAbsDiff(model.predictProba(wine.xTest).flat(), ref.probabilities.flat())).toBeLessThan(1e-5);
  });

  it('gamma, regAlpha, regLambda, minChildWeight and learningRate act as in xgboost', () => {
    const ref = fixture.breast_cancer.XGBClassifierRegularised!;
    const model = new XGBClassifier({
      nEstimators: 20,
      maxDepth: 4,
      learningRate: 0.1,
      gamma: 2,
      regAlpha: 0.5,
      regLambda: 2,
      minChildWeight: 3,
    }).fit(cancer.xTrain, cancer.yTrain);
    expect(model.predict(cancer.xTest)).toEqual(ref.predictions);
    expect(maxAbsDiff(model.predictProba(cancer.xTest).flat(), ref.probabilities.flat())).toBeLessThan(1e-5);
  });

  it('gamma prunes splits: a large gamma leaves shallower trees', () => {
    const depths = (gamma: number) =>
      new XGBClassifier({ nEstimators: 5, maxDepth: 4, gamma }).fit(cancer.xTrain, cancer.yTrain).trees.map((r) => treeDepth(r[0]!));
    const free = depths(0);
    const pruned = depths(5);
    expect(pruned.reduce((a, b) => a + b, 0)).toBeLessThan(free.reduce((a, b) => a + b, 0));
  });
});

describe('XGBRegressor against xgboost 1.7 (reg:squarederror, exact trees)', () => {
  it('50 trees of depth 3 on diabetes: same trees, predictions equal up to float32 rounding', () => {
    const ref = fixture.diabetes.XGBRegressor!;
    const predictions = new XGBRegressor({ nEstimators: 50, maxDepth: 3 }).fit(diabetes.xTrain, diabetes.yTrain).predict(diabetes.xTest);
    expect(maxAbsDiff(predictions, ref.predictions)).toBeLessThan(1e-2);
    expect(r2Score(ref.predictions, predictions)).toBeGreaterThan(0.999);
  });
});
