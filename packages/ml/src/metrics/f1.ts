import { InvalidParameterError } from '../core/errors.js';
import { checkPair } from './check.js';
import { confusionMatrix } from './confusion-matrix.js';

export interface F1Options {
  /** 'binary' scores `posLabel` only (default); 'macro' averages classes equally; 'weighted' by support. */
  average?: 'binary' | 'macro' | 'weighted';
  posLabel?: number;
}

/** F1 = 2·precision·recall / (precision + recall) = 2TP / (2TP + FP + FN); 0 when undefined, as sklearn. */
export function f1Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, { average = 'binary', posLabel = 1 }: F1Options = {}): number {
  checkPair(yTrue, yPred, 'f1Score');
  const labels = [...new Set([...Array.from(yTrue), ...Array.from(yPred)])].sort((a, b) => a - b);
  const matrix = confusionMatrix(yTrue, yPred, labels);
  const perClass = labels.map((_, k) => {
    const tp = (matrix[k] as number[])[k] as number;
    const fn = (matrix[k] as number[]).reduce((a, b) => a + b, 0) - tp;
    const fp = matrix.reduce((a, r) => a + (r[k] as number), 0) - tp;
    return { f1: 2 * tp + fp + fn === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn), support: tp + fn };
  });
  if (average === 'binary') {
    if (labels.length > 2) {
      throw new InvalidParameterError(`f1Score: average 'binary' needs 2 classes, got ${labels.length}; use 'macro' or 'weighted'`);
    }
    const k = labels.indexOf(posLabel);
    return k < 0 ? 0 : (perClass[k] as { f1: number }).f1;
  }
  if (average === 'macro') return perClass.reduce((a, c) => a + c.f1, 0) / perClass.length;
  const total = perClass.reduce((a, c) => a + c.support, 0);
  return perClass.reduce((a, c) => a + c.f1 * c.support, 0) / total;
}
