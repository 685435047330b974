import { beforeAll, describe, expect, it } from '@jest/globals';
import { agreement, fixtureSplit, readFixture } from '../__fixtures__/fixture-split.js';
import { loadBreastCancer, loadDiabetes } from '../datasets/loaders.js';
import { accuracyScore } from '../metrics/accuracy.js';
import { r2Score } from '../metrics/regression.js';
import { treeDepth } from '../tree/tree-structure.js';
import { RandomForestClassifier } from './random-forest-classifier.js';
import { RandomForestRegressor } from './random-forest-regressor.js';

interface TreeFixture {
  breast_cancer: Record<string, { predictions: number[]; accuracy: number }>;
  diabetes: Record<string, { predictions: number[]; r2: number }>;
}

const fixture = readFixture<TreeFixture>('sklearn-trees.json');
let cancer: ReturnType<typeof fixtureSplit>;
let diabetes: ReturnType<typeof fixtureSplit>;

beforeAll(async () => {
  cancer = fixtureSplit(await loadBreastCancer(), false);
  diabetes = fixtureSplit(await loadDiabetes(), false);
});

describe('RandomForestClassifier against scikit-learn (50 trees, maxDepth 5)', () => {
  it('agrees with sklearn on at least 95 % of test predictions and matches its accuracy within 3 points', () => {
    const ref = fixture.breast_cancer.RandomForestClassifier!;
    const model = new RandomForestClassifier({ nEstimators: 50, maxDepth: 5, randomState: 0 }).fit(cancer.xTrain, cancer.yTrain);
    const predictions = model.predict(cancer.xTest);
    expect(agreement(predictions, ref.predictions)).toBeGreaterThanOrEqual(0.95);
    expect(Math.abs(accuracyScore(cancer.yTest, predictions) - ref.accuracy)).toBeLessThanOrEqual(0.03);
  });

  it('is reproducible with a seed and varies without one', () => {
    const fit = (randomState: number | null) =>
      new RandomForestClassifier({ nEstimators: 5, maxDepth: 3, randomState }).fit(cancer.xTrain, cancer.yTrain).trees;
    expect(fit(3)).toEqual(fit(3));
    expect(fit(3)).not.toEqual(fit(4));
  });

  it('exposes every tree, each within maxDepth', () => {
    const trees = new RandomForestClassifier({ nEstimators: 7, maxDepth: 4, randomState: 1 }).fit(cancer.xTrain, cancer.yTrain).trees;
    expect(trees).toHaveLength(7);
    for (const tree of trees) expect(treeDepth(tree)).toBeLessThanOrEqual(4);
  });
});

describe('RandomForestRegressor against scikit-learn (50 trees, maxDepth 5, diabetes)', () => {
  it('reaches sklearn’s test R² within 0.03 and correlates with its predictions', () => {
    const ref = fixture.diabetes.RandomForestRegressor!;
    const predictions = new RandomForestRegressor({ nEstimators: 50, maxDepth: 5, randomState: 0 })
      .fit(diabetes.xTrain, diabetes.yTrain)
      .predict(diabetes.xTest);
    expect(Math.abs(r2Score(diabetes.yTest, predictions) - ref.r2)).toBeLessThanOrEqual(0.03);
    expect(r2Score(ref.predictions, predictions)).toBeGreaterThan(0.9);
  });
});
