import type { ObjectiveWithGradient } from '../core/lbfgs.js';
import type { Matrix } from '../core/matrix.js';
import { exp, log, log1p, max } from '../core/math.js';

/** log(1 + eᶻ) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + log1p(exp(-z)) : log1p(exp(z));
}

/**
 * Binary logistic loss on parameters [w, b]:
 *   f = Σᵢ [log(1 + e^{zᵢ}) − yᵢzᵢ] + (l2/2)‖w‖²,  zᵢ = xᵢ·w + b,
 *   ∇_w f = Xᵀ(σ(z) − y) + l2·w,  ∂f/∂b = Σ(σ(z) − y).
 */
export function logisticObjective(X: Matrix, y: Int32Array, l2: number, fitIntercept: boolean): ObjectiveWithGradient {
  const p = X.cols;
  return (params, grad) => {
    grad.fill(0);
    let f = 0;
    for (let i = 0; i < X.rows; i++) {
      const o = i * p;
      let z = fitIntercept ? (params[p] as number) : 0;
      for (let j = 0; j < p; j++) z += (X.data[o + j] as number) * (params[j] as number);
      const yi = y[i] as number;
      f += softplus(z) - yi * z;
      const r = 1 / (1 + exp(-z)) - yi;
      for (let j = 0; j < p; j++) grad[j] = (grad[j] as number) + r * (X.data[o + j] as number);
      if (fitIntercept) grad[p] = (grad[p] as number) + r;
    }
    for (let j = 0; j < p; j++) {
      f += 0.5 * l2 * (params[j] as number) ** 2;
      grad[j] = (grad[j] as number) + l2 * (params[j] as number);
    }
    return f;
  };
}

/**
 * Multinomial (softmax) cross-entropy on K stacked parameter rows [w_k, b_k]:
 *   f = Σᵢ [logΣ_k e^{z_ik} − z_{i,yᵢ}] + (l2/2)Σ_k‖w_k‖²,
 *   ∇_{w_k} f = Σᵢ (softmax(zᵢ)_k − [yᵢ = k]) xᵢ + l2·w_k.
 */
export function softmaxObjective(X: Matrix, y: Int32Array, nClasses: number, l2: number, fitIntercept: boolean): ObjectiveWithGradient {
  const p = X.cols;
  const stride = p + (fitIntercept ? 1 : 0);
  const z = new Float64Array(nClasses);
  return (params, grad) => {
    grad.fill(0);
    let f = 0;
    for (let i = 0; i < X.rows; i++) {
      const o = i * p;
      let zMax = -Infinity;
      for (let k = 0; k < nClasses; k++) {
        let s = fitIntercept ? (params[k * stride + p] as number) : 0;
        for (let j = 0; j < p; j++) s += (X.data[o + j] as number) * (params[k * stride + j] as number);
        z[k] = s;
        zMax = max(zMax, s);
      }
      let sumExp = 0;
      for (let k = 0; k < nClasses; k++) sumExp += exp((z[k] as number) - zMax);
      const yi = y[i] as number;
      f += zMax + log(sumExp) - (z[yi] as number);
      for (let k = 0; k < nClasses; k++) {
        const r = exp((z[k] as number) - zMax) / sumExp - (k === yi ? 1 : 0);
        const base = k * stride;
        for (let j = 0; j < p; j++) grad[base + j] = (grad[base + j] as number) + r * (X.data[o + j] as number);
        if (fitIntercept) grad[base + p] = (grad[base + p] as number) + r;
      }
    }
    for (let k = 0; k < nClasses; k++) {
      for (let j = 0; j < p; j++) {
        const w = params[k * stride + j] as number;
        f += 0.5 * l2 * w * w;
        grad[k * stride + j] = (grad[k * stride + j] as number) + l2 * w;
      }
    }
    return f;
  };
}
