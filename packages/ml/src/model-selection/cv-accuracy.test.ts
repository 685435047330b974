import { beforeAll, describe, expect, it } from '@jest/globals';
import { BREAST_CANCER_CLASSIFIERS } from '../__fixtures__/breast-cancer-classifiers.js';
import { readFixture } from '../__fixtures__/fixture-split.js';
import { loadBreastCancer, type Dataset } from '../datasets/index.js';
import { crossValScore } from './cross-val-score.js';
import { StratifiedKFold } from './stratified-k-fold.js';

interface CvFixture {
  stratifiedKFoldTestIndices: number[][];
  stratifiedKFold5: Record<string, number>;
}

const fixture = readFixture<CvFixture>('sklearn-cv.json');
let data: Dataset;

beforeAll(async () => {
  data = await loadBreastCancer();
});

describe('5-fold CV accuracy on breast_cancer, fold for fold against scikit-learn', () => {
  it('StratifiedKFold without shuffle produces exactly sklearn’s folds', () => {
    const folds = new StratifiedKFold({ nSplits: 5 }).split(data.target.length, data.target);
    expect(folds.map((f) => f.test)).toEqual(fixture.stratifiedKFoldTestIndices);
  });

  for (const [name, make] of Object.entries(BREAST_CANCER_CLASSIFIERS)) {
    it(`${name} is within 1.5 points of sklearn (${(100 * (fixture.stratifiedKFold5[name] as number)).toFixed(1)} %)`, () => {
      const scores = crossValScore(make, data.data, data.target, { cv: new StratifiedKFold({ nSplits: 5 }) });
      const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
      expect(Math.abs(mean - (fixture.stratifiedKFold5[name] as number))).toBeLessThanOrEqual(0.015);
    });
  }
});
