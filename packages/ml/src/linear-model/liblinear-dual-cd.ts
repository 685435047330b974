import type { Matrix } from '../core/matrix.js';
import type { Rng } from '../core/random.js';
import { abs, max, min } from '../core/math.js';

/** Rows of X with the bias column B appended (liblinear's intercept_scaling trick). */
function augmentedRows(X: Matrix, bias: number): { rows: Float64Array; width: number; normsSq: Float64Array } {
  const width = X.cols + (bias > 0 ? 1 : 0);
  const rows = new Float64Array(X.rows * width);
  const normsSq = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    let s = 0;
    for (let j = 0; j < X.cols; j++) {
      const v = X.data[i * X.cols + j] as number;
      rows[i * width + j] = v;
      s += v * v;
    }
    if (bias > 0) {
      rows[i * width + X.cols] = bias;
      s += bias * bias;
    }
    normsSq[i] = s;
  }
  return { rows, width, normsSq };
}

function rowDot(rows: Float64Array, i: number, width: number, w: Float64Array): number {
  let s = 0;
  const o = i * width;
  for (let j = 0; j < width; j++) s += (rows[o + j] as number) * (w[j] as number);
  return s;
}

function addRow(w: Float64Array, rows: Float64Array, i: number, width: number, scale: number): void {
  const o = i * width;
  for (let j = 0; j < width; j++) w[j] = (w[j] as number) + scale * (rows[o + j] as number);
}

export interface DualSolution {
  /** Weights on the augmented features; the last one is the bias weight when bias > 0. */
  w: Float64Array;
  iterations: number;
}

/**
 * liblinear's dual coordinate descent for L2-regularised SVC (Hsieh et al. 2008):
 *   min_α ½αᵀ(Q + D)α − eᵀα,  0 ≤ αᵢ ≤ U,  Q_ij = yᵢyⱼxᵢ·xⱼ,  w = Σ αᵢyᵢxᵢ,
 * with D = 1/(2C)·I, U = ∞ for the squared hinge loss and D = 0, U = C for the hinge loss.
 * Each step is the clipped Newton step on one αᵢ; stops when the projected-gradient
 * spread max PG − min PG ≤ tol (liblinear's eps), or after maxIter passes.
 */
export function svcDualCoordinateDescent(
  X: Matrix,
  ySigned: Int8Array,
  options: { C: number; loss: 'hinge' | 'squared_hinge'; bias: number; tol: number; maxIter: number; rng: Rng },
): DualSolution {
  const { rows, width, normsSq } = augmentedRows(X, options.bias);
  const diag = options.loss === 'squared_hinge' ? 0.5 / options.C : 0;
  const upper = options.loss === 'squared_hinge' ? Infinity : options.C;
  const alpha = new Float64Array(X.rows);
  const w = new Float64Array(width);
  const order = Array.from({ length: X.rows }, (_, i) => i);
  let iter = 0;
  for (iter = 1; iter <= options.maxIter; iter++) {
    options.rng.shuffle(order);
    let pgMax = -Infinity;
    let pgMin = Infinity;
    for (const i of order) {
      const yi = ySigned[i] as number;
      const qd = (normsSq[i] as number) + diag;
      if (qd <= 0) continue;
      const a = alpha[i] as number;
      const g = yi * rowDot(rows, i, width, w) - 1 + diag * a;
      let pg = 0;
      if (a === 0) pg = min(g, 0);
      else if (a === upper) pg = max(g, 0);
      else pg = g;
      pgMax = max(pgMax, pg);
      pgMin = min(pgMin, pg);
      if (abs(pg) > 1e-12) {
        const aNew = min(max(a - g / qd, 0), upper);
        alpha[i] = aNew;
        addRow(w, rows, i, width, (aNew - a) * yi);
      }
    }
    if (pgMax - pgMin <= options.tol) break;
  }
  return { w, iterations: min(iter, options.maxIter) };
}

/**
 * liblinear's dual coordinate descent for L2-regularised SVR:
 *   min_β ½βᵀ(Q + λI)β − yᵀβ + ε‖β‖₁,  −U ≤ βᵢ ≤ U,  Q_ij = xᵢ·xⱼ,  w = Σ βᵢxᵢ,
 * with λ = 0, U = C for the ε-insensitive loss and λ = 1/(2C), U = ∞ for its square.
 * Each step minimises the one-variable piecewise quadratic exactly; stops when the summed
 * violation falls below tol times its first-pass value.
 */
export function svrDualCoordinateDescent(
  X: Matrix,
  y: Float64Array,
  options: {
    C: number;
    epsilon: number;
    loss: 'epsilon_insensitive' | 'squared_epsilon_insensitive';
    bias: number;
    tol: number;
    maxIter: number;
    rng: Rng;
  },
): DualSolution {
  const { rows, width, normsSq } = augmentedRows(X, options.bias);
  const lambda = options.loss === 'squared_epsilon_insensitive' ? 0.5 / options.C : 0;
  const upper = options.loss === 'squared_epsilon_insensitive' ? Infinity : options.C;
  const beta = new Float64Array(X.rows);
  const w = new Float64Array(width);
  const order = Array.from({ length: X.rows }, (_, i) => i);
  let initialViolation = 0;
  let iter = 0;
  for (iter = 1; iter <= options.maxIter; iter++) {
    options.rng.shuffle(order);
    let violationSum = 0;
    for (const i of order) {
      const h = (normsSq[i] as number) + lambda;
      if (h <= 0) continue;
      const b = beta[i] as number;
      const g = -(y[i] as number) + lambda * b + rowDot(rows, i, width, w);
      const gp = g + options.epsilon;
      const gn = g - options.epsilon;
      let violation = 0;
      if (b === 0) violation = gp < 0 ? -gp : gn > 0 ? gn : 0;
      else if (b >= upper) violation = gp > 0 ? gp : 0;
      else if (b <= -upper) violation = gn < 0 ? -gn : 0;
      else violation = b > 0 ? abs(gp) : abs(gn);
      violationSum += violation;
      let d: number;
      if (gp < h * b) d = -gp / h;
      else if (gn > h * b) d = -gn / h;
      else d = -b;
      if (abs(d) < 1e-12) continue;
      const bNew = min(max(b + d, -upper), upper);
      beta[i] = bNew;
      addRow(w, rows, i, width, bNew - b);
    }
    if (iter === 1) initialViolation = violationSum;
    if (violationSum <= options.tol * initialViolation) break;
  }
  return { w, iterations: min(iter, options.maxIter) };
}
