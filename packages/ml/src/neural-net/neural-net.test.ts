import { beforeAll, describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs';
import { fixtureSplit, maxAbsDiff, readFixture } from '../__fixtures__/fixture-split.js';
import { loadBreastCancer, loadDiabetes, loadWine } from '../datasets/loaders.js';
import { accuracyScore } from '../metrics/accuracy.js';
import { r2Score } from '../metrics/regression.js';
import { mlpOutputs } from './mlp-forward.js';
import { NeuralNetClassifier } from './neural-net-classifier.js';
import { NeuralNetRegressor } from './neural-net-regressor.js';

const reference = readFixture<{ breast_cancer: { accuracy: number }; wine: { accuracy: number }; diabetes: { r2: number } }>('sklearn-mlp.json');
let cancer: ReturnType<typeof fixtureSplit>;
let wine: ReturnType<typeof fixtureSplit>;
let diabetes: ReturnType<typeof fixtureSplit>;
let binary: NeuralNetClassifier;

beforeAll(async () => {
  await tf.setBackend('cpu');
  cancer = fixtureSplit(await loadBreastCancer(), true);
  wine = fixtureSplit(await loadWine(), true);
  diabetes = fixtureSplit(await loadDiabetes(), true);
  binary = new NeuralNetClassifier({ hiddenLayerSizes: [16], learningRateInit: 0.05, maxIter: 20, randomState: 0 }).fit(cancer.xTrain, cancer.yTrain);
});

describe('NeuralNetClassifier (TensorFlow.js + Adam) against sklearn’s MLPClassifier, same options', () => {
  it('binary breast_cancer: test accuracy within 3 points of sklearn', () => {
    expect(Math.abs(accuracyScore(cancer.yTest, binary.predict(cancer.xTest)) - reference.breast_cancer.accuracy)).toBeLessThanOrEqual(0.03);
    expect(binary.lossCurve.at(-1)).toBeLessThan(binary.lossCurve[0] as number);
  });

  it('multiclass wine: softmax probabilities sum to 1 and accuracy is within 3 points of sklearn', () => {
    const model = new NeuralNetClassifier({ hiddenLayerSizes: [16], learningRateInit: 0.05, maxIter: 20, randomState: 0 }).fit(wine.xTrain, wine.yTrain);
    const proba = model.predictProba(wine.xTest);
    for (const p of proba) expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(Math.abs(accuracyScore(wine.yTest, model.predict(wine.xTest)) - reference.wine.accuracy)).toBeLessThanOrEqual(0.03);
  });

  it('the plain-JavaScript forward pass equals TensorFlow.js on the trained weights', () => {
    const { weights, biases } = binary.layers;
    const x = cancer.xTest.slice(0, 20);
    const ours = x.map((r) => mlpOutputs({ weights, biases }, 'relu', r)[0] as number);
    const theirs = tf.tidy(() =>
      Array.from(
        tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(tf.tensor2d(x), tf.tensor2d(weights[0]!)), tf.tensor1d(biases[0]!))), tf.tensor2d(weights[1]!)), tf.tensor1d(biases[1]!)).dataSync(),
      ),
    );
    expect(maxAbsDiff(ours, theirs)).toBeLessThan(1e-4);
  });

  it('is reproducible with a seed', () => {
    const fit = () => new NeuralNetClassifier({ hiddenLayerSizes: [4], maxIter: 3, randomState: 5 }).fit(cancer.xTrain, cancer.yTrain).layers;
    expect(fit()).toEqual(fit());
  });
});

describe('NeuralNetRegressor against sklearn’s MLPRegressor, same options', () => {
  it('diabetes: test R² within 0.05 of sklearn', () => {
    const model = new NeuralNetRegressor({ hiddenLayerSizes: [16], learningRateInit: 0.2, maxIter: 40, randomState: 0 }).fit(diabetes.xTrain, diabetes.yTrain);
    expect(Math.abs(r2Score(diabetes.yTest, model.predict(diabetes.xTest)) - reference.diabetes.r2)).toBeLessThanOrEqual(0.05);
  });
});
