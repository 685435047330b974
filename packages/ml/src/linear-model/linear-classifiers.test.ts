import { beforeAll, describe, expect, it } from '@jest/globals';
import { agreement, fixtureSplit, maxAbsDiff, readFixture } from '../__fixtures__/fixture-split.js';
import { loadBreastCancer, loadWine } from '../datasets/loaders.js';
import { LinearSVC } from './linear-svc.js';
import { LogisticRegression } from './logistic-regression.js';

interface ClassifierFixture {
  coef: number[][];
  intercept: number[];
  predictions: number[];
  probabilities?: number[][];
}

const fixture = readFixture<Record<'breast_cancer' | 'wine', Record<string, ClassifierFixture>>>('sklearn-linear.json');
let cancer: ReturnType<typeof fixtureSplit>;
let wine: ReturnType<typeof fixtureSplit>;

beforeAll(async () => {
  cancer = fixtureSplit(await loadBreastCancer(), true);
  wine = fixtureSplit(await loadWine(), true);
});

function relativeCoefError(ours: number[][], ref: number[][]): number {
  const scale = Math.max(...ref.flat().map(Math.abs));
  return maxAbsDiff(ours.flat(), ref.flat()) / scale;
}

describe('LogisticRegression against scikit-learn (lbfgs, C = 1)', () => {
  it('binary: same coefficients up to the solver tolerance and the same predictions', () => {
    const ref = fixture.breast_cancer.LogisticRegression as ClassifierFixture;
    const model = new LogisticRegression().fit(cancer.xTrain, cancer.yTrain);
    expect(relativeCoefError(model.coef, ref.coef)).toBeLessThan(1e-2);
    expect(model.predict(cancer.xTest)).toEqual(ref.predictions);
    expect(maxAbsDiff(model.predictProba(cancer.xTest).flat(), (ref.probabilities as number[][]).flat())).toBeLessThan(1e-3);
  });

  it('multinomial on wine: same softmax probabilities', () => {
    const ref = fixture.wine.LogisticRegression as ClassifierFixture;
    const model = new LogisticRegression({ C: 0.5 }).fit(wine.xTrain, wine.yTrain);
    expect(model.coef).toHaveLength(3);
    expect(relativeCoefError(model.coef, ref.coef)).toBeLessThan(1e-2);
    expect(model.predict(wine.xTest)).toEqual(ref.predictions);
    expect(maxAbsDiff(model.predictProba(wine.xTest).flat(), (ref.probabilities as number[][]).flat())).toBeLessThan(1e-3);
  });

  it("multiClass 'multinomial' on two classes keeps class 1's row and scores softmax(−z, z), as sklearn", () => {
    const ref = fixture.breast_cancer.LogisticRegressionMultinomial as ClassifierFixture;
    const model = new LogisticRegression({ multiClass: 'multinomial' }).fit(cancer.xTrain, cancer.yTrain);
    expect(relativeCoefError(model.coef, ref.coef)).toBeLessThan(1e-2);
    expect(model.predict(cancer.xTest)).toEqual(ref.predictions);
    expect(maxAbsDiff(model.predictProba(cancer.xTest).flat(), (ref.probabilities as number[][]).flat())).toBeLessThan(1e-3);
  });

  it("multiClass 'ovr' on wine: one binary problem per class, probabilities normalised", () => {
    const ref = fixture.wine.LogisticRegressionOvr as ClassifierFixture;
    const model = new LogisticRegression({ C: 0.5, multiClass: 'ovr' }).fit(wine.xTrain, wine.yTrain);
    expect(relativeCoefError(model.coef, ref.coef)).toBeLessThan(1e-2);
    expect(model.predict(wine.xTest)).toEqual(ref.predictions);
    expect(maxAbsDiff(model.predictProba(wine.xTest).flat(), (ref.probabilities as number[][]).flat())).toBeLessThan(1e-3);
  });

  it('decisionFunction is the linear score whose sign gives the class', () => {
    const model = new LogisticRegression().fit(cancer.xTrain, cancer.yTrain);
    const scores = model.decisionFunction(cancer.xTest) as number[];
    expect(model.predict(cancer.xTest)).toEqual(scores.map((s) => (s > 0 ? 1 : 0)));
  });
});

describe('LinearSVC against liblinear', () => {
  it('binary and one-vs-rest multiclass reach the same weights', () => {
    for (const [data, ref] of [
      [cancer, fixture.breast_cancer.LinearSVC],
      [wine, fixture.wine.LinearSVC],
    ] as const) {
      const model = new LinearSVC({ C: 0.1, maxIter: 100000, tol: 1e-6 }).fit(data.xTrain, data.yTrain);
      expect(relativeCoefError(model.coef, (ref as ClassifierFixture).coef)).toBeLessThan(1e-2);
      expect(agreement(model.predict(data.xTest), (ref as ClassifierFixture).predictions)).toBe(1);
    }
  });
});
