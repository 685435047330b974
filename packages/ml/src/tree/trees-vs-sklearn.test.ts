import { beforeAll, describe, expect, it } from '@jest/globals';
import { agreement, fixtureSplit, maxAbsDiff, readFixture } from '../__fixtures__/fixture-split.js';
import { InvalidInputError } from '../core/errors.js';
import { loadBreastCancer, loadDiabetes } from '../datasets/loaders.js';
import { accuracyScore } from '../metrics/accuracy.js';
import { r2Score } from '../metrics/regression.js';
import { DecisionTreeClassifier } from './decision-tree-classifier.js';
import { DecisionTreeRegressor } from './decision-tree-regressor.js';
import { leafCount, treeDepth } from './tree-structure.js';

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

describe('DecisionTreeClassifier against scikit-learn (maxDepth 5, breast_cancer fixed split)', () => {
  it('agrees with sklearn on at least 95 % of test predictions and matches its accuracy within 3 points', () => {
    const ref = fixture.breast_cancer.DecisionTreeClassifier!;
    const model = new DecisionTreeClassifier({ maxDepth: 5, randomState: 0 }).fit(cancer.xTrain, cancer.yTrain);
    const predictions = model.predict(cancer.xTest);
    expect(agreement(predictions, ref.predictions)).toBeGreaterThanOrEqual(0.95);
    expect(Math.abs(accuracyScore(cancer.yTest, predictions) - ref.accuracy)).toBeLessThanOrEqual(0.03);
  });

  it('exposes a tree of the requested depth whose leaves hold class probabilities', () => {
    const tree = new DecisionTreeClassifier({ maxDepth: 3, randomState: 0 }).fit(cancer.xTrain, cancer.yTrain).tree;
    expect(treeDepth(tree)).toBe(3);
    expect(leafCount(tree)).toBeLessThanOrEqual(8);
    tree.feature.forEach((f, node) => {
      if (f === -1) expect((tree.value[node] as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      else expect(tree.left[node]).toBeGreaterThan(node);
    });
  });

  it('grows pure leaves on the training set when depth is unlimited', () => {
    const model = new DecisionTreeClassifier({ randomState: 0 }).fit(cancer.xTrain, cancer.yTrain);
    expect(accuracyScore(cancer.yTrain, model.predict(cancer.xTrain))).toBe(1);
  });

  it('treats integer sample weights as repeated rows (how forests bootstrap)', () => {
    const weights = cancer.yTrain.map((_, i) => i % 3);
    const repeatedX = cancer.xTrain.flatMap((row, i) => Array.from({ length: weights[i] as number }, () => row));
    const repeatedY = cancer.yTrain.flatMap((label, i) => Array.from({ length: weights[i] as number }, () => label));
    const weighted = new DecisionTreeClassifier({ maxDepth: 4, randomState: 0 }).fit(cancer.xTrain, cancer.yTrain, weights).tree;
    const repeated = new DecisionTreeClassifier({ maxDepth: 4, randomState: 0 }).fit(repeatedX, repeatedY).tree;
    expect(weighted.feature).toEqual(repeated.feature);
    expect(weighted.threshold).toEqual(repeated.threshold);
    expect(maxAbsDiff(weighted.value.flat(), repeated.value.flat())).toBeLessThan(1e-12);
    expect(() => new DecisionTreeClassifier().fit(cancer.xTrain, cancer.yTrain, weights.map(() => -1))).toThrow(InvalidInputError);
  });

  it('honours minSamplesLeaf in every leaf', () => {
    const tree = new DecisionTreeClassifier({ minSamplesLeaf: 20, randomState: 0 }).fit(cancer.xTrain, cancer.yTrain).tree;
    tree.feature.forEach((f, node) => {
      if (f === -1) expect(tree.weightedSamples[node]).toBeGreaterThanOrEqual(20);
    });
  });
});

describe('DecisionTreeRegressor against scikit-learn (maxDepth 4, diabetes fixed split)', () => {
  it('grows sklearn’s tree (no tied splits on this data), so every test prediction is the same leaf mean', () => {
    const ref = fixture.diabetes.DecisionTreeRegressor!;
    const model = new DecisionTreeRegressor({ maxDepth: 4, randomState: 0 }).fit(diabetes.xTrain, diabetes.yTrain);
    const predictions = model.predict(diabetes.xTest);
    expect(maxAbsDiff(predictions, ref.predictions)).toBeLessThan(1e-9);
    expect(Math.abs(r2Score(diabetes.yTest, predictions) - ref.r2)).toBeLessThan(1e-12);
  });

  it('a depth-1 stump finds the same best split whatever the feature order', () => {
    const model = new DecisionTreeRegressor({ maxDepth: 1 }).fit(diabetes.xTrain, diabetes.yTrain);
    const values = [...new Set(model.predict(diabetes.xTest))].sort();
    const ours = model.tree;
    expect(values).toHaveLength(2);
    // The best first split of this data is unique, so any feature order finds it.
    const again = new DecisionTreeRegressor({ maxDepth: 1, randomState: 7 }).fit(diabetes.xTrain, diabetes.yTrain).tree;
    expect(again.feature[0]).toBe(ours.feature[0]);
    expect(maxAbsDiff(again.threshold, ours.threshold)).toBe(0);
  });
});
