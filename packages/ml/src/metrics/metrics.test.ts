import { describe, expect, it } from '@jest/globals';
import { readFixture } from '../__fixtures__/fixture-split.js';
import { InvalidInputError, InvalidParameterError } from '../core/errors.js';
import { accuracyScore } from './accuracy.js';
import { confusionMatrix } from './confusion-matrix.js';
import { f1Score } from './f1.js';
import { meanSquaredError, r2Score } from './regression.js';

interface Fixture {
  multiclass: { yTrue: number[]; yPred: number[]; accuracy: number; f1Macro: number; f1Weighted: number; confusion: number[][] };
  binary: { yTrue: number[]; yPred: number[]; f1: number };
  regression: { yTrue: number[]; yPred: number[]; r2: number; mse: number };
}

const f = readFixture<Fixture>('sklearn-utilities.json');

describe('metrics against scikit-learn', () => {
  it('accuracy and confusion matrix', () => {
    expect(accuracyScore(f.multiclass.yTrue, f.multiclass.yPred)).toBeCloseTo(f.multiclass.accuracy, 14);
    expect(confusionMatrix(f.multiclass.yTrue, f.multiclass.yPred)).toEqual(f.multiclass.confusion);
  });

  it('f1 binary, macro and weighted', () => {
    expect(f1Score(f.binary.yTrue, f.binary.yPred)).toBeCloseTo(f.binary.f1, 14);
    expect(f1Score(f.multiclass.yTrue, f.multiclass.yPred, { average: 'macro' })).toBeCloseTo(f.multiclass.f1Macro, 14);
    expect(f1Score(f.multiclass.yTrue, f.multiclass.yPred, { average: 'weighted' })).toBeCloseTo(f.multiclass.f1Weighted, 14);
  });

  it('r2 and mean squared error', () => {
    expect(r2Score(f.regression.yTrue, f.regression.yPred)).toBeCloseTo(f.regression.r2, 12);
    expect(meanSquaredError(f.regression.yTrue, f.regression.yPred)).toBeCloseTo(f.regression.mse, 12);
  });

  it('binary f1 on more than two classes and mismatched lengths are errors', () => {
    expect(() => f1Score(f.multiclass.yTrue, f.multiclass.yPred)).toThrow(InvalidParameterError);
    expect(() => accuracyScore([1, 2], [1])).toThrow(InvalidInputError);
    expect(() => r2Score([], [])).toThrow(InvalidInputError);
  });
});
