import { InvalidInputError } from './errors.js';

/** What callers may pass as X: rows of numbers (plain arrays or typed arrays). */
export type MatrixLike = ReadonlyArray<ArrayLike<number>>;

/** Row-major dense matrix: the one layout every numeric kernel of this package works on. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** Copies rows into a dense matrix, rejecting empty, ragged or non-finite input. */
export function toMatrix(X: MatrixLike, what = 'X'): Matrix {
  if (!Array.isArray(X) || X.length === 0) {
    throw new InvalidInputError(`${what} must be a non-empty array of rows`);
  }
  const rows = X.length;
  const cols = (X[0] as ArrayLike<number>).length;
  if (cols === 0) throw new InvalidInputError(`${what} has rows with no features`);
  const m = zeros(rows, cols);
  for (let i = 0; i < rows; i++) {
    const row = X[i] as ArrayLike<number>;
    if (row.length !== cols) {
      throw new InvalidInputError(`${what} is ragged: row ${i} has ${row.length} values, row 0 has ${cols}`);
    }
    for (let j = 0; j < cols; j++) {
      const v = row[j] as number;
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new InvalidInputError(`${what}[${i}][${j}] is ${String(v)}: inputs must be finite numbers (NaN is not allowed)`);
      }
      m.data[i * cols + j] = v;
    }
  }
  return m;
}

/** Checks y is a finite numeric vector of the expected length. */
export function toVector(y: ArrayLike<number>, length: number, what = 'y'): Float64Array {
  if (y.length !== length) {
    throw new InvalidInputError(`${what} has ${y.length} values but X has ${length} rows`);
  }
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = y[i] as number;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new InvalidInputError(`${what}[${i}] is ${String(v)}: targets must be finite numbers`);
    }
    out[i] = v;
  }
  return out;
}

export function row(m: Matrix, i: number): Float64Array {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}

export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(row(m, i)));
  return out;
}

/** X·w + b for each row. */
export function matVec(m: Matrix, w: ArrayLike<number>, bias = 0): Float64Array {
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    let s = bias;
    const o = i * m.cols;
    for (let j = 0; j < m.cols; j++) s += (m.data[o + j] as number) * (w[j] as number);
    out[i] = s;
  }
  return out;
}

/** Column means. */
export function columnMeans(m: Matrix): Float64Array {
  const mean = new Float64Array(m.cols);
  for (let i = 0; i < m.rows; i++) {
    const o = i * m.cols;
    for (let j = 0; j < m.cols; j++) mean[j] = (mean[j] as number) + (m.data[o + j] as number);
  }
  for (let j = 0; j < m.cols; j++) mean[j] = (mean[j] as number) / m.rows;
  return mean;
}

/**
 * Solves the symmetric positive-definite system A x = b by Cholesky (A = L Lᵀ, then two
 * triangular solves). A is n×n row-major; returns undefined when A is not positive definite.
 */
export function choleskySolve(A: Float64Array, b: Float64Array, n: number): Float64Array | undefined {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * n + j] as number;
      for (let k = 0; k < j; k++) s -= (L[i * n + k] as number) * (L[j * n + k] as number);
      if (i === j) {
        if (!(s > 0)) return undefined;
        L[i * n + i] = Math.sqrt(s);
      } else {
        L[i * n + j] = s / (L[j * n + j] as number);
      }
    }
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (L[i * n + k] as number) * (z[k] as number);
    z[i] = s / (L[i * n + i] as number);
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i] as number;
    for (let k = i + 1; k < n; k++) s -= (L[k * n + i] as number) * (x[k] as number);
    x[i] = s / (L[i * n + i] as number);
  }
  return x;
}
