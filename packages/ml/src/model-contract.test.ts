import { beforeAll, describe, expect, it } from '@jest/globals';
import { fixtureSplit } from './__fixtures__/fixture-split.js';
import { FeatureCountError, InvalidInputError, InvalidParameterError, LabelError, ModelFormatError, NotFittedError } from './core/errors.js';
import { loadDiabetes, loadWine } from './datasets/loaders.js';
import { accuracyScore } from './metrics/accuracy.js';
import { r2Score } from './metrics/regression.js';
import { MODEL_CLASSES, loadAnyModel, type ModelName } from './model-registry.js';

/** What every estimator in the registry offers. */
interface AnyEstimator {
  fit(X: number[][], y?: number[]): unknown;
  predict?(X: number[][]): number[];
  transform?(X: number[][]): number[][];
  predictProba?(X: number[][]): number[][];
  dump(): { model: string };
  isFitted: boolean;
}

const CLASSIFIERS: ModelName[] = [
  'LogisticRegression',
  'LinearSVC',
  'DecisionTreeClassifier',
  'RandomForestClassifier',
  'XGBClassifier',
  'NeuralNetClassifier',
];
const REGRESSORS: ModelName[] = [
  'LinearRegression',
  'Ridge',
  'Lasso',
  'ElasticNet',
  'LinearSVR',
  'PoissonRegressor',
  'GammaRegressor',
  'TweedieRegressor',
  'DecisionTreeRegressor',
  'RandomForestRegressor',
  'XGBRegressor',
  'NeuralNetRegressor',
];
const TRANSFORMERS: ModelName[] = ['StandardScaler', 'MinMaxScaler'];

/** Small but real options so the suite stays fast. */
const OPTIONS: Partial<Record<ModelName, object>> = {
  RandomForestClassifier: { nEstimators: 5, maxDepth: 4, randomState: 0 },
  RandomForestRegressor: { nEstimators: 5, maxDepth: 4, randomState: 0 },
  XGBClassifier: { nEstimators: 5, maxDepth: 3 },
  XGBRegressor: { nEstimators: 5, maxDepth: 3 },
  DecisionTreeClassifier: { maxDepth: 4, randomState: 0 },
  DecisionTreeRegressor: { maxDepth: 4, randomState: 0 },
  NeuralNetClassifier: { hiddenLayerSizes: [8], maxIter: 30, learningRateInit: 0.01, randomState: 0 },
  NeuralNetRegressor: { hiddenLayerSizes: [4], maxIter: 2, randomState: 0 },
};

function make(name: ModelName, options?: object): AnyEstimator {
  const Cls = MODEL_CLASSES[name] as unknown as new (o?: object) => AnyEstimator;
  return new Cls(options ?? OPTIONS[name]);
}

let wine: ReturnType<typeof fixtureSplit>;
let diabetes: ReturnType<typeof fixtureSplit>;

beforeAll(async () => {
  wine = fixtureSplit(await loadWine(), true);
  diabetes = fixtureSplit(await loadDiabetes(), true);
});

const dataFor = (name: ModelName) => (CLASSIFIERS.includes(name) ? wine : diabetes);
const outputOf = (model: AnyEstimator, X: number[][]) => (model.predict ? model.predict(X) : model.transform!(X));

describe.each([...CLASSIFIERS, ...REGRESSORS, ...TRANSFORMERS])('%s', (name) => {
  it('refuses to predict before fit with NotFittedError', () => {
    const model = make(name);
    expect(model.isFitted).toBe(false);
    expect(() => outputOf(model, [[1, 2, 3]])).toThrow(NotFittedError);
    expect(() => model.dump()).toThrow(NotFittedError);
  });

  it('rejects X with the wrong feature count, NaN, or ragged rows', () => {
    const data = dataFor(name);
    const model = make(name);
    model.fit(data.xTrain, data.yTrain);
    expect(() => outputOf(model, data.xTest.map((r) => r.slice(1)))).toThrow(FeatureCountError);
    const withNaN = data.xTest.map((r) => r.slice());
    (withNaN[3] as number[])[2] = NaN;
    expect(() => outputOf(model, withNaN)).toThrow(InvalidInputError);
    expect(() => model.fit([[1, 2], [3]], [0, 1])).toThrow(InvalidInputError);
  });

  it('rejects unknown options with InvalidParameterError', () => {
    expect(() => make(name, { notAnOption: 1 })).toThrow(InvalidParameterError);
  });

  it('round-trips through dump() / JSON / load() with identical outputs', () => {
    const data = dataFor(name);
    const model = make(name);
    model.fit(data.xTrain, data.yTrain);
    const json = JSON.stringify(model.dump());
    const Cls = MODEL_CLASSES[name] as unknown as { load(d: string): AnyEstimator };
    const restored = Cls.load(json);
    expect(outputOf(restored, data.xTest)).toEqual(outputOf(model, data.xTest));
    expect(outputOf(loadAnyModel(json) as unknown as AnyEstimator, data.xTest)).toEqual(outputOf(model, data.xTest));
    if (model.predictProba) expect(restored.predictProba!(data.xTest)).toEqual(model.predictProba(data.xTest));
  });
});

describe.each([...CLASSIFIERS, ...REGRESSORS])('%s score()', (name) => {
  it('is accuracy for classifiers and R² for regressors, as sklearn', () => {
    const data = dataFor(name);
    const model = make(name) as AnyEstimator & { score(X: number[][], y: number[]): number };
    model.fit(data.xTrain, data.yTrain);
    const predictions = model.predict!(data.xTest);
    const expected = CLASSIFIERS.includes(name) ? accuracyScore(data.yTest, predictions) : r2Score(data.yTest, predictions);
    expect(model.score(data.xTest, data.yTest)).toBe(expected);
  });
});

describe.each(CLASSIFIERS)('%s labels', (name) => {
  it('refuses continuous or single-class targets with LabelError', () => {
    const X = wine.xTrain.slice(0, 20);
    expect(() => make(name).fit(X, X.map((_, i) => i / 10))).toThrow(LabelError);
    expect(() => make(name).fit(X, X.map(() => 2))).toThrow(LabelError);
  });

  it('predicts the original label values, not their indices', () => {
    const y = wine.yTrain.map((c) => [10, 20, 30][c] as number);
    const predictions = make(name).fit(wine.xTrain, y) as AnyEstimator;
    expect(new Set(predictions.predict!(wine.xTest))).toEqual(new Set([10, 20, 30]));
  });
});

describe('model loading', () => {
  it('refuses a dump of another class or an unknown model with ModelFormatError', () => {
    const ridge = make('Ridge');
    ridge.fit(diabetes.xTrain, diabetes.yTrain);
    expect(() => MODEL_CLASSES.Lasso.load(JSON.stringify(ridge.dump()))).toThrow(ModelFormatError);
    expect(() => loadAnyModel({ model: 'SVC', params: {}, state: {} })).toThrow(ModelFormatError);
  });
});

describe('targets outside a GLM family', () => {
  it('Poisson refuses negative targets and Gamma refuses zero', () => {
    const X = diabetes.xTrain.slice(0, 10);
    expect(() => make('PoissonRegressor').fit(X, X.map((_, i) => i - 3))).toThrow(InvalidInputError);
    expect(() => make('GammaRegressor').fit(X, X.map((_, i) => i))).toThrow(InvalidInputError);
  });
});
