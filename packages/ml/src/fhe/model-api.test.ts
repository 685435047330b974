import type { Circuit } from '@cml/compiler';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtureSplit } from '../__fixtures__/fixture-split.js';
import { loadBreastCancer, loadDiabetes, loadIris } from '../datasets/loaders.js';
import { RandomForestRegressor } from '../ensemble/random-forest-regressor.js';
import { LogisticRegression } from '../linear-model/logistic-regression.js';
import { NeuralNetClassifier } from '../neural-net/neural-net-classifier.js';
import { DecisionTreeClassifier } from '../tree/decision-tree-classifier.js';
import { XGBClassifier } from '../xgboost/xgb-classifier.js';
import type { FheModel } from './fhe-model.js';
import { KeyShare } from './testing/key-share.js';

let cancer: ReturnType<typeof fixtureSplit>;
let iris: ReturnType<typeof fixtureSplit>;
let diabetes: ReturnType<typeof fixtureSplit>;
const keys = new KeyShare();

beforeAll(async () => {
  cancer = fixtureSplit(await loadBreastCancer(), true);
  iris = fixtureSplit(await loadIris(), true);
  diabetes = fixtureSplit(await loadDiabetes(), true);
});
afterAll(() => keys.dispose());

/** The part of every model's API this file checks. */
interface FheApi {
  readonly modelName: string;
  predict(X: number[][], options?: { fhe?: 'disable' | 'simulate' }): number[];
  predict(X: number[][], options: { fhe: 'execute' }): Promise<number[]>;
  compile(X: number[][], options?: object): FheModel;
  quantizeInput(X: number[][]): number[][];
  dequantizeOutput(outputs: number[][]): number[][];
  readonly fheCircuit: Circuit;
}

/**
 * Before compile every FHE call is a NotCompiledError naming the model and the call; after it,
 * predict without options is still the float model, and each mode equals the compiled model's.
 */
async function checkModelApi(model: FheApi, xTrain: number[][], xTest: number[][], options: object): Promise<void> {
  const float = model.predict(xTest);
  expect(() => model.predict(xTest, { fhe: 'simulate' })).toThrow(expect.objectContaining({ name: 'NotCompiledError' }));
  expect(() => model.predict(xTest, { fhe: 'disable' })).toThrow(new RegExp(`${model.modelName} is not compiled yet: call compile\\(X\\) before predict\\(X, \\{ fhe: 'disable' \\}\\)`));
  expect(() => model.quantizeInput(xTest)).toThrow(/before quantizeInput\(\)/);
  expect(() => model.fheCircuit).toThrow(expect.objectContaining({ name: 'NotCompiledError' }));

  const fhe = model.compile(xTrain, options);
  expect(model.fheCircuit).toBe(fhe.circuit);
  expect(model.predict(xTest)).toEqual(float);
  const quantized = model.predict(xTest, { fhe: 'disable' });
  expect(quantized).toEqual(fhe.predict(xTest));
  expect(model.predict(xTest, { fhe: 'simulate' })).toEqual(quantized);
  expect(model.quantizeInput(xTest)).toEqual(fhe.quantizeInput(xTest));
  const outputs = model.quantizeInput(xTest.slice(0, 5)).map((q) => fhe.program.evaluate(q));
  expect(model.dequantizeOutput(outputs)).toEqual(fhe.dequantizeOutput(outputs));

  await keys.attach(fhe);
  const pending = model.predict(xTest.slice(0, 1), { fhe: 'execute' });
  expect(pending).toBeInstanceOf(Promise);
  expect(await pending).toEqual(quantized.slice(0, 1));
  expect(() => model.predict(xTest, { fhe: 'encrypted' as 'simulate' })).toThrow(expect.objectContaining({ name: 'InvalidParameterError' }));
}

describe('predict(X, { fhe }) on the model itself, one model per family', () => {
  it('linear: LogisticRegression, with predictProba and decisionFunction in every mode', async () => {
    const model = new LogisticRegression().fit(cancer.xTrain, cancer.yTrain);
    const floatProba = model.predictProba(cancer.xTest);
    expect(() => model.predictProba(cancer.xTest, { fhe: 'simulate' })).toThrow(/before predictProba\(X, \{ fhe: 'simulate' \}\)/);
    await checkModelApi(model, cancer.xTrain, cancer.xTest, { nBits: 3 });
    expect(model.predictProba(cancer.xTest)).toEqual(floatProba);
    expect(model.predictProba(cancer.xTest, { fhe: 'simulate' })).toEqual(model.fhe.predictProba(cancer.xTest));
    expect(model.decisionFunction(cancer.xTest, { fhe: 'simulate' })).toEqual(model.fhe.decisionFunction(cancer.xTest));
    expect(await model.predictProba(cancer.xTest.slice(0, 1), { fhe: 'execute' })).toEqual(model.fhe.predictProba(cancer.xTest.slice(0, 1)));
    // dequantizeOutput of the circuit's integers gives the decision values
    const outputs = model.quantizeInput(cancer.xTest).map((q) => model.fhe.program.evaluate(q));
    expect(model.dequantizeOutput(outputs).map((s) => s[0])).toEqual(model.decisionFunction(cancer.xTest, { fhe: 'disable' }));
  });

  it('tree: DecisionTreeClassifier (3 classes), with predictProba', async () => {
    const model = new DecisionTreeClassifier({ maxDepth: 3, randomState: 0 }).fit(iris.xTrain, iris.yTrain);
    await checkModelApi(model, iris.xTrain, iris.xTest, { nBits: 3 });
    expect(model.predictProba(iris.xTest, { fhe: 'simulate' })).toEqual(model.predictProba(iris.xTest, { fhe: 'disable' }));
  });

  it('ensemble: RandomForestRegressor', async () => {
    const model = new RandomForestRegressor({ nEstimators: 3, maxDepth: 2, randomState: 0 }).fit(diabetes.xTrain, diabetes.yTrain);
    await checkModelApi(model, diabetes.xTrain, diabetes.xTest, { nBits: 3 });
  });

  it('boosting: XGBClassifier, with decisionFunction (margins) and predictProba', async () => {
    const model = new XGBClassifier({ nEstimators: 3, maxDepth: 2 }).fit(cancer.xTrain, cancer.yTrain);
    const floatMargins = model.decisionFunction(cancer.xTest);
    await checkModelApi(model, cancer.xTrain, cancer.xTest, { nBits: 3 });
    expect(model.decisionFunction(cancer.xTest)).toEqual(floatMargins);
    expect(model.decisionFunction(cancer.xTest, { fhe: 'simulate' })).toEqual(model.fhe.decisionFunction(cancer.xTest));
    expect(model.predictProba(cancer.xTest, { fhe: 'simulate' })).toEqual(model.fhe.predictProba(cancer.xTest));
  });

  it('neural net: NeuralNetClassifier, with predictProba (softmax after decryption)', async () => {
    const model = new NeuralNetClassifier({ hiddenLayerSizes: [6], maxIter: 40, learningRateInit: 0.02, randomState: 0, nWBits: 3, nABits: 3, nAccumBits: 4 }).fit(iris.xTrain, iris.yTrain);
    await checkModelApi(model, iris.xTrain, iris.xTest, {});
    const proba = model.predictProba(iris.xTest, { fhe: 'simulate' });
    expect(proba).toEqual(model.predictProba(iris.xTest, { fhe: 'disable' }));
    for (const p of proba) expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});
