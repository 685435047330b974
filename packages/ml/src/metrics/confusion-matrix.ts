import { checkPair } from './check.js';

/**
 * C[i][j] = number of samples of true class labels[i] predicted as labels[j]. Labels default
 * to the sorted union of both vectors, as sklearn.
 */
export function confusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, labels?: number[]): number[][] {
  checkPair(yTrue, yPred, 'confusionMatrix');
  const classes = labels ?? [...new Set([...Array.from(yTrue), ...Array.from(yPred)])].sort((a, b) => a - b);
  const index = new Map(classes.map((c, k) => [c, k]));
  const matrix = classes.map(() => new Array<number>(classes.length).fill(0));
  for (let i = 0; i < yTrue.length; i++) {
    const t = index.get(yTrue[i] as number);
    const p = index.get(yPred[i] as number);
    if (t !== undefined && p !== undefined) (matrix[t] as number[])[p]! += 1;
  }
  return matrix;
}
