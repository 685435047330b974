import { describe, expect, it } from '@jest/globals';
import { CLASSIFIER_PROTOCOL } from '../__fixtures__/dataset-protocols.js';
import { readFixture } from '../__fixtures__/fixture-split.js';
import { loadDigits } from '../datasets/loaders.js';
import { crossValScore } from './cross-val-score.js';
import { StratifiedKFold } from './stratified-k-fold.js';

const reference = readFixture<{ digits: Record<string, number> }>('sklearn-datasets-cv.json').digits;

describe('5-fold CV accuracy on digits (10 classes, 64 features), fold for fold against scikit-learn', () => {
  for (const [name, make] of Object.entries(CLASSIFIER_PROTOCOL)) {
    it(`${name} is within 1.5 points of sklearn (${(100 * (reference[name] as number)).toFixed(1)} %)`, async () => {
      const { data, target } = await loadDigits();
      const scores = crossValScore(make, data, target, { cv: new StratifiedKFold({ nSplits: 5 }) });
      const accuracy = scores.reduce((a, b) => a + b, 0) / scores.length;
      expect(Math.abs(accuracy - (reference[name] as number))).toBeLessThanOrEqual(0.015);
    });
  }
});
