import type { Matrix } from '../core/matrix.js';
import { abs, max, min, sign } from '../core/math.js';

export interface ElasticNetProblem {
  /** Centered design matrix and target. */
  X: Matrix;
  y: Float64Array;
  alpha: number;
  l1Ratio: number;
  maxIter: number;
  tol: number;
  positive: boolean;
}

/**
 * Cyclic coordinate descent for the elastic net, sklearn's `enet_coordinate_descent`:
 *   min_w 1/(2n)‖y − Xw‖² + α·ρ‖w‖₁ + α(1−ρ)/2·‖w‖².
 * Multiplying by n, each coordinate update is a soft threshold of the partial residual fit:
 *   w_j ← S(X_jᵀr + w_j‖X_j‖², nαρ) / (‖X_j‖² + nα(1−ρ)).
 * Converged when the largest update is below tol·max|w| and the duality gap is below
 * tol·‖y‖², the same two tests as sklearn.
 */
export function elasticNetCoordinateDescent(problem: ElasticNetProblem): { coef: Float64Array; iterations: number; gap: number } {
  const { X, y, alpha, l1Ratio, maxIter, tol, positive } = problem;
  const n = X.rows;
  const p = X.cols;
  const l1 = alpha * l1Ratio * n;
  const l2 = alpha * (1 - l1Ratio) * n;
  const w = new Float64Array(p);
  const residual = Float64Array.from(y);
  const colNormSq = new Float64Array(p);
  // Column-major copy: each coordinate update walks one column.
  const cols = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) {
      const v = X.data[i * p + j] as number;
      cols[j * n + i] = v;
      colNormSq[j] = (colNormSq[j] as number) + v * v;
    }
  }
  let yNormSq = 0;
  for (let i = 0; i < n; i++) yNormSq += (y[i] as number) ** 2;
  const tolScaled = tol * yNormSq;
  let gap = tolScaled + 1;
  let iter = 0;
  for (iter = 1; iter <= maxIter; iter++) {
    let wMax = 0;
    let dwMax = 0;
    for (let j = 0; j < p; j++) {
      const norm = colNormSq[j] as number;
      if (norm === 0) continue;
      const wOld = w[j] as number;
      const o = j * n;
      let rho = 0;
      for (let i = 0; i < n; i++) rho += (cols[o + i] as number) * (residual[i] as number);
      rho += wOld * norm;
      let wNew: number;
      if (positive && rho < 0) wNew = 0;
      else wNew = (sign(rho) * max(abs(rho) - l1, 0)) / (norm + l2);
      if (wNew !== wOld) {
        const d = wNew - wOld;
        for (let i = 0; i < n; i++) residual[i] = (residual[i] as number) - d * (cols[o + i] as number);
        w[j] = wNew;
      }
      dwMax = max(dwMax, abs(wNew - wOld));
      wMax = max(wMax, abs(wNew));
    }
    if (wMax === 0 || dwMax / wMax < tol || iter === maxIter) {
      gap = dualityGap(cols, n, p, w, residual, y, l1, l2, positive);
      if (gap < tolScaled) break;
    }
  }
  return { coef: w, iterations: min(iter, maxIter), gap };
}

/** Duality gap of the (n-scaled) elastic-net problem at w, with residual r = y − Xw. */
function dualityGap(
  cols: Float64Array,
  n: number,
  p: number,
  w: Float64Array,
  r: Float64Array,
  y: Float64Array,
  l1: number,
  l2: number,
  positive: boolean,
): number {
  let dualNormXtA = 0;
  let wNormSq = 0;
  let l1Norm = 0;
  for (let j = 0; j < p; j++) {
    let xta = 0;
    for (let i = 0; i < n; i++) xta += (cols[j * n + i] as number) * (r[i] as number);
    xta -= l2 * (w[j] as number);
    dualNormXtA = max(dualNormXtA, positive ? xta : abs(xta));
    wNormSq += (w[j] as number) ** 2;
    l1Norm += abs(w[j] as number);
  }
  let rNormSq = 0;
  let ry = 0;
  for (let i = 0; i < n; i++) {
    rNormSq += (r[i] as number) ** 2;
    ry += (r[i] as number) * (y[i] as number);
  }
  let constant = 1;
  let gap: number;
  if (dualNormXtA > l1) {
    constant = l1 / dualNormXtA;
    gap = 0.5 * (rNormSq + rNormSq * constant * constant);
  } else {
    gap = rNormSq;
  }
  gap += l1 * l1Norm - constant * ry + 0.5 * l2 * (1 + constant * constant) * wNormSq;
  return gap;
}
