import { abs, max, sign, sqrt } from '../core/math.js';

/**
 * Eigen-decomposition of a symmetric n×n matrix by cyclic Jacobi rotations: each rotation
 * zeroes one off-diagonal entry A[p][q] with angle θ, tan 2θ = 2A[p][q] / (A[q][q] − A[p][p]);
 * sweeps repeat until the off-diagonal mass is negligible. Returns eigenvalues and the
 * eigenvectors as columns of V (row-major), so A = V·diag(λ)·Vᵀ.
 */
export function symmetricEigen(matrix: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const A = Float64Array.from(matrix);
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let p = 0; p < n; p++) {
      diag += (A[p * n + p] as number) ** 2;
      for (let q = p + 1; q < n; q++) off += (A[p * n + q] as number) ** 2;
    }
    if (off <= 1e-30 * diag || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q] as number;
        if (apq === 0) continue;
        const theta = ((A[q * n + q] as number) - (A[p * n + p] as number)) / (2 * apq);
        const t = sign(theta || 1) / (abs(theta) + sqrt(theta * theta + 1));
        const c = 1 / sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p] as number;
          const akq = A[k * n + q] as number;
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k] as number;
          const aqk = A[q * n + k] as number;
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k * n + p] as number;
          const vkq = V[k * n + q] as number;
          V[k * n + p] = c * vkp - s * vkq;
          V[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = A[i * n + i] as number;
  return { values, vectors: V };
}

/**
 * Minimum-norm least-squares solution of Gram·x = b through the pseudo-inverse:
 * eigen-directions with λ ≤ λ_max·rcond² are dropped (they are the null space of X, whose
 * singular values are √λ), as numpy.linalg.lstsq drops singular values below rcond·s_max.
 */
export function pseudoInverseSolve(gram: Float64Array, b: Float64Array, n: number, rcond: number): Float64Array {
  const { values, vectors } = symmetricEigen(gram, n);
  let lambdaMax = 0;
  for (const v of values) lambdaMax = max(lambdaMax, v);
  const cutoff = lambdaMax * rcond * rcond;
  const x = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const lambda = values[k] as number;
    if (!(lambda > cutoff)) continue;
    let proj = 0;
    for (let i = 0; i < n; i++) proj += (vectors[i * n + k] as number) * (b[i] as number);
    const coefK = proj / lambda;
    for (let i = 0; i < n; i++) x[i] = (x[i] as number) + coefK * (vectors[i * n + k] as number);
  }
  return x;
}
