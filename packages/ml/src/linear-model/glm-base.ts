import { InvalidInputError } from '../core/errors.js';
import { minimizeLbfgs } from '../core/lbfgs.js';
import type { Matrix } from '../core/matrix.js';
import { LinearRegressorBase } from './linear-regressor-base.js';
import type { GlmFamily } from './tweedie-family.js';
import { exp, log } from '../core/math.js';

export interface GlmParams {
  alpha: number;
  fitIntercept: boolean;
  maxIter: number;
  tol: number;
}

export const GLM_DEFAULTS: GlmParams = { alpha: 1, fitIntercept: true, maxIter: 100, tol: 1e-4 };

/**
 * Generalised linear model fitted as sklearn's _GeneralizedLinearRegressor with lbfgs:
 *   min_{w,b} (1/n)Σᵢ ℓ(yᵢ, xᵢ·w + b) + (α/2)‖w‖²,
 * starting from w = 0 and b = link(ȳ); predictions are link⁻¹(x·w + b).
 */
export abstract class GlmBase<P extends GlmParams> extends LinearRegressorBase<P> {
  /** L-BFGS iterations the last fit took. */
  nIter = 0;

  protected abstract family(): GlmFamily;

  protected override checkTarget(y: Float64Array): void {
    const family = this.family();
    const bad = y.findIndex((v) => !family.accepts(v));
    if (bad >= 0) throw new InvalidInputError(`${this.modelName} needs ${family.support}; y[${bad}] is ${y[bad]}`);
  }

  protected override inverseLink(eta: number): number {
    return this.family().link === 'log' ? exp(eta) : eta;
  }

  protected solve(X: Matrix, y: Float64Array): { coef: Float64Array; intercept: number } {
    const family = this.family();
    const { alpha, fitIntercept, maxIter, tol } = this.params;
    const n = X.rows;
    const p = X.cols;
    const x0 = new Float64Array(p + (fitIntercept ? 1 : 0));
    if (fitIntercept) {
      const mean = y.reduce((a, b) => a + b, 0) / n;
      x0[p] = family.link === 'log' ? log(mean) : mean;
    }
    const eta = new Float64Array(n);
    const result = minimizeLbfgs(
      (params, grad) => {
        grad.fill(0);
        let f = 0;
        for (let i = 0; i < n; i++) {
          let s = fitIntercept ? (params[p] as number) : 0;
          for (let j = 0; j < p; j++) s += (X.data[i * p + j] as number) * (params[j] as number);
          eta[i] = s;
          f += family.loss(y[i] as number, s);
          const g = family.gradient(y[i] as number, s) / n;
          for (let j = 0; j < p; j++) grad[j] = (grad[j] as number) + g * (X.data[i * p + j] as number);
          if (fitIntercept) grad[p] = (grad[p] as number) + g;
        }
        f /= n;
        for (let j = 0; j < p; j++) {
          f += 0.5 * alpha * (params[j] as number) ** 2;
          grad[j] = (grad[j] as number) + alpha * (params[j] as number);
        }
        return f;
      },
      x0,
      { maxIter, gtol: tol, ftol: 64 * Number.EPSILON, maxLineSearch: 50 },
    );
    this.nIter = result.iterations;
    return { coef: result.x.slice(0, p), intercept: fitIntercept ? (result.x[p] as number) : 0 };
  }
}
