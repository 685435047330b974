import { columnMeans, zeros, type Matrix } from '../core/matrix.js';

/** X and y with their column means removed (when fitting an intercept), and the means. */
export interface Centered {
  X: Matrix;
  y: Float64Array;
  xMean: Float64Array;
  yMean: number;
}

/**
 * Centering lets the solvers ignore the intercept: the optimal intercept of the centered
 * problem's solution w is ȳ − x̄·w (for squared-error losses, with unpenalised intercept).
 */
export function center(X: Matrix, y: Float64Array, fitIntercept: boolean): Centered {
  if (!fitIntercept) return { X, y, xMean: new Float64Array(X.cols), yMean: 0 };
  const xMean = columnMeans(X);
  let yMean = 0;
  for (let i = 0; i < y.length; i++) yMean += y[i] as number;
  yMean /= y.length;
  const Xc = zeros(X.rows, X.cols);
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < X.cols; j++) Xc.data[i * X.cols + j] = (X.data[i * X.cols + j] as number) - (xMean[j] as number);
  }
  return { X: Xc, y: y.map((v) => v - yMean), xMean, yMean };
}

export function interceptFor(coef: Float64Array, xMean: Float64Array, yMean: number): number {
  let s = yMean;
  for (let j = 0; j < coef.length; j++) s -= (coef[j] as number) * (xMean[j] as number);
  return s;
}

/** Gram matrix XᵀX (p×p) and Xᵀy. */
export function normalEquations(X: Matrix, y: Float64Array): { gram: Float64Array; xty: Float64Array } {
  const p = X.cols;
  const gram = new Float64Array(p * p);
  const xty = new Float64Array(p);
  for (let i = 0; i < X.rows; i++) {
    const o = i * p;
    const yi = y[i] as number;
    for (let a = 0; a < p; a++) {
      const xa = X.data[o + a] as number;
      if (xa === 0) continue;
      xty[a] = (xty[a] as number) + xa * yi;
      for (let b = a; b < p; b++) gram[a * p + b] = (gram[a * p + b] as number) + xa * (X.data[o + b] as number);
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) gram[a * p + b] = gram[b * p + a] as number;
  return { gram, xty };
}
