import { checkPair } from './check.js';

/** Mean of squared errors. */
export function meanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkPair(yTrue, yPred, 'meanSquaredError');
  let s = 0;
  for (let i = 0; i < yTrue.length; i++) s += ((yTrue[i] as number) - (yPred[i] as number)) ** 2;
  return s / yTrue.length;
}

/**
 * Coefficient of determination R² = 1 − SS_res / SS_tot. A constant yTrue gives 1 for a
 * perfect prediction and 0 otherwise, as sklearn.
 */
export function r2Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkPair(yTrue, yPred, 'r2Score');
  let mean = 0;
  for (let i = 0; i < yTrue.length; i++) mean += yTrue[i] as number;
  mean /= yTrue.length;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < yTrue.length; i++) {
    ssRes += ((yTrue[i] as number) - (yPred[i] as number)) ** 2;
    ssTot += ((yTrue[i] as number) - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}
