import { abs, max, min, sqrt } from './math.js';

/** f(x), writing ∇f(x) into `grad`. */
export type ObjectiveWithGradient = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  maxIter: number;
  /** Stop when max |∇f| ≤ gtol (scipy's pgtol; sklearn passes its `tol`). */
  gtol: number;
  /** Stop when (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ ftol. */
  ftol?: number;
  /** History length (scipy's default m = 10). */
  memory?: number;
  maxLineSearch?: number;
}

export interface LbfgsResult {
  x: Float64Array;
  f: number;
  iterations: number;
  converged: boolean;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = max(m, abs(a[i] as number));
  return m;
}

/**
 * Limited-memory BFGS for smooth unconstrained minimisation. The search direction is
 * −H·∇f, with H the inverse-Hessian approximation built from the last m pairs
 * (s = x_{k+1} − x_k, y = ∇f_{k+1} − ∇f_k) by the two-loop recursion, scaled by
 * γ = sᵀy / yᵀy. The step satisfies the Armijo condition f(x + t·d) ≤ f(x) + c₁·t·∇fᵀd
 * (backtracking, c₁ = 1e-4); pairs with sᵀy ≤ 0 are skipped to keep H positive definite.
 */
export function minimizeLbfgs(objective: ObjectiveWithGradient, x0: Float64Array, options: LbfgsOptions): LbfgsResult {
  const { maxIter, gtol, ftol = 2.220446049250313e-9, memory = 10, maxLineSearch = 50 } = options;
  const n = x0.length;
  let x = Float64Array.from(x0);
  let grad = new Float64Array(n);
  let f = objective(x, grad);
  const sHistory: Float64Array[] = [];
  const yHistory: Float64Array[] = [];
  const rhoHistory: number[] = [];
  const direction = new Float64Array(n);
  const alpha = new Float64Array(memory);
  if (maxAbs(grad) <= gtol) return { x, f, iterations: 0, converged: true };

  for (let iter = 1; iter <= maxIter; iter++) {
    // Two-loop recursion: direction = −H·grad.
    direction.set(grad);
    for (let k = sHistory.length - 1; k >= 0; k--) {
      const a = (rhoHistory[k] as number) * dot(sHistory[k] as Float64Array, direction);
      alpha[k] = a;
      const yk = yHistory[k] as Float64Array;
      for (let i = 0; i < n; i++) direction[i] = (direction[i] as number) - a * (yk[i] as number);
    }
    if (sHistory.length > 0) {
      const sLast = sHistory[sHistory.length - 1] as Float64Array;
      const yLast = yHistory[yHistory.length - 1] as Float64Array;
      const gamma = dot(sLast, yLast) / dot(yLast, yLast);
      for (let i = 0; i < n; i++) direction[i] = (direction[i] as number) * gamma;
    }
    for (let k = 0; k < sHistory.length; k++) {
      const b = (rhoHistory[k] as number) * dot(yHistory[k] as Float64Array, direction);
      const sk = sHistory[k] as Float64Array;
      for (let i = 0; i < n; i++) direction[i] = (direction[i] as number) + ((alpha[k] as number) - b) * (sk[i] as number);
    }
    for (let i = 0; i < n; i++) direction[i] = -(direction[i] as number);

    let slope = dot(grad, direction);
    if (!(slope < 0)) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      sHistory.length = yHistory.length = rhoHistory.length = 0;
      for (let i = 0; i < n; i++) direction[i] = -(grad[i] as number);
      slope = dot(grad, direction);
    }
    let step = sHistory.length === 0 ? min(1, 1 / sqrt(dot(grad, grad))) : 1;
    const xNew = new Float64Array(n);
    const gradNew = new Float64Array(n);
    let fNew = f;
    let accepted = false;
    for (let ls = 0; ls < maxLineSearch; ls++) {
      for (let i = 0; i < n; i++) xNew[i] = (x[i] as number) + step * (direction[i] as number);
      fNew = objective(xNew, gradNew);
      if (Number.isFinite(fNew) && fNew <= f + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) return { x, f, iterations: iter, converged: false };

    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = (xNew[i] as number) - (x[i] as number);
      y[i] = (gradNew[i] as number) - (grad[i] as number);
    }
    const sy = dot(s, y);
    if (sy > 1e-10 * dot(y, y)) {
      if (sHistory.length === memory) {
        sHistory.shift();
        yHistory.shift();
        rhoHistory.shift();
      }
      sHistory.push(s);
      yHistory.push(y);
      rhoHistory.push(1 / sy);
    }
    const fOld = f;
    x = xNew;
    grad = gradNew;
    f = fNew;
    if (maxAbs(grad) <= gtol) return { x, f, iterations: iter, converged: true };
    if ((fOld - f) / max(abs(fOld), abs(f), 1) <= ftol) return { x, f, iterations: iter, converged: true };
  }
  return { x, f, iterations: maxIter, converged: false };
}
