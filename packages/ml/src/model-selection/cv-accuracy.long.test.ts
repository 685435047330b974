import { beforeAll, describe, expect, it } from '@jest/globals';
import { BREAST_CANCER_CLASSIFIERS, SLOW_BREAST_CANCER_CLASSIFIERS } from '../__fixtures__/breast-cancer-classifiers.js';
import { readFixture } from '../__fixtures__/fixture-split.js';
import { loadBreastCancer, type Dataset } from '../datasets/index.js';
import { crossValScore } from './cross-val-score.js';
import { RepeatedStratifiedKFold } from './repeated-stratified-k-fold.js';
import { StratifiedKFold } from './stratified-k-fold.js';

const fixture = readFixture<{ repeatedStratifiedKFold5x3: Record<string, number>; stratifiedKFold5: Record<string, number> }>('sklearn-cv.json');
const reference = fixture.repeatedStratifiedKFold5x3;
const ALL = { ...BREAST_CANCER_CLASSIFIERS, ...SLOW_BREAST_CANCER_CLASSIFIERS };
let data: Dataset;

beforeAll(async () => {
  data = await loadBreastCancer();
});

/**
 * The protocol: stratified 5-fold CV repeated 3 times. Our repeats shuffle with our
 * own generator, so the folds differ from sklearn's; the means must still agree within 1.5 points.
 */
describe('repeated stratified 5×3 CV accuracy on breast_cancer against scikit-learn 1.2', () => {
  for (const [name, make] of Object.entries(ALL)) {
    it(`${name} is within 1.5 points of sklearn (${(100 * (reference[name] as number)).toFixed(1)} %)`, () => {
      const cv = new RepeatedStratifiedKFold({ nSplits: 5, nRepeats: 3, randomState: 0 });
      const scores = crossValScore(make, data.data, data.target, { cv });
      const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
      expect(Math.abs(mean - (reference[name] as number))).toBeLessThanOrEqual(0.015);
    });
  }
});

describe('5-fold CV accuracy on breast_cancer for the slow models, fold for fold against scikit-learn', () => {
  for (const [name, make] of Object.entries(SLOW_BREAST_CANCER_CLASSIFIERS)) {
    it(`${name} is within 1.5 points of sklearn (${(100 * (fixture.stratifiedKFold5[name] as number)).toFixed(1)} %)`, () => {
      const scores = crossValScore(make, data.data, data.target, { cv: new StratifiedKFold({ nSplits: 5 }) });
      const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
      expect(Math.abs(mean - (fixture.stratifiedKFold5[name] as number))).toBeLessThanOrEqual(0.015);
    });
  }
});
