import { describe, expect, it } from '@jest/globals';
import { decryptedCsv, decryptedJson } from './decrypted-output.js';

const classifier = [
  { prediction: 1, scores: [0.8], probabilities: [0.25, 0.75] },
  { prediction: 0, scores: [-2], probabilities: [0.875, 0.125] },
];
const regressor = [{ prediction: 151.5, scores: [151.5], probabilities: undefined }];

describe('decrypt output', () => {
  it('lists class probabilities for classifiers', () => {
    expect(decryptedCsv(classifier)).toBe('prediction,probability_0,probability_1\n1,0.25,0.75\n0,0.875,0.125');
  });

  it('lists raw scores for regressors, and JSON keeps both with null probabilities', () => {
    expect(decryptedCsv(regressor)).toBe('prediction,score_0\n151.5,151.5');
    expect(JSON.parse(decryptedJson(regressor))).toEqual([{ prediction: 151.5, scores: [151.5], probabilities: null }]);
  });

  it('prints only the header for an empty batch', () => {
    expect(decryptedCsv([])).toBe('prediction');
    expect(decryptedJson([])).toBe('[]');
  });
});
