import { describe, expect, it } from '@jest/globals';
import { CLASSIFIER_PROTOCOL, REGRESSOR_PROTOCOL } from '../__fixtures__/dataset-protocols.js';
import { readFixture } from '../__fixtures__/fixture-split.js';
import { loadDiabetes, loadIris, loadWine } from '../datasets/loaders.js';
import { crossValScore } from './cross-val-score.js';
import { KFold } from './k-fold.js';
import { StratifiedKFold } from './stratified-k-fold.js';

const reference = readFixture<Record<string, Record<string, number>>>('sklearn-datasets-cv.json');
const mean = (scores: number[]) => scores.reduce((a, b) => a + b, 0) / scores.length;

describe.each([
  ['iris', loadIris],
  ['wine', loadWine],
])('5-fold CV accuracy on %s, fold for fold against scikit-learn', (dataset, load) => {
  for (const [name, make] of Object.entries(CLASSIFIER_PROTOCOL)) {
    it(`${name} is within 1.5 points of sklearn`, async () => {
      const { data, target } = await load();
      const accuracy = mean(crossValScore(make, data, target, { cv: new StratifiedKFold({ nSplits: 5 }) }));
      expect(Math.abs(accuracy - (reference[dataset]![name] as number))).toBeLessThanOrEqual(0.015);
    });
  }
});

describe('5-fold CV R² on diabetes, fold for fold against scikit-learn', () => {
  for (const [name, make] of Object.entries(REGRESSOR_PROTOCOL)) {
    it(`${name} is within 0.015 of sklearn`, async () => {
      const { data, target } = await loadDiabetes();
      const r2 = mean(crossValScore(make, data, target, { cv: new KFold({ nSplits: 5 }), classification: false }));
      expect(Math.abs(r2 - (reference.diabetes![name] as number))).toBeLessThanOrEqual(0.015);
    });
  }
});

describe('crossValScore defaults', () => {
  it('treats a regressor (or a pipeline ending in one) as regression: unshuffled KFold and R²', async () => {
    const { data, target } = await loadDiabetes();
    for (const name of ['Ridge', 'PoissonRegressor']) {
      const make = REGRESSOR_PROTOCOL[name]!;
      expect(crossValScore(make, data, target)).toEqual(crossValScore(make, data, target, { cv: new KFold({ nSplits: 5 }), scoring: 'r2' }));
    }
  });

  it('treats a classifier as classification: unshuffled StratifiedKFold and accuracy', async () => {
    const { data, target } = await loadWine();
    const make = CLASSIFIER_PROTOCOL.LogisticRegression!;
    expect(crossValScore(make, data, target)).toEqual(
      crossValScore(make, data, target, { cv: new StratifiedKFold({ nSplits: 5 }), scoring: 'accuracy' }),
    );
  });
});
