import { loadModel, type ModelDump } from '../core/base.js';
import type { Matrix } from '../core/matrix.js';
import { withDefaults } from '../core/params.js';
import { center, interceptFor, normalEquations } from './centering.js';
import { LinearRegressorBase, type LinearRegressorState } from './linear-regressor-base.js';
import { pseudoInverseSolve } from './symmetric-eigen.js';

export interface LinearRegressionParams {
  fitIntercept: boolean;
}

/**
 * Ordinary least squares: w = argmin ‖y − Xw − b‖². Solved on centered data as the
 * minimum-norm solution of the normal equations XᵀX w = Xᵀy (pseudo-inverse), which is what
 * sklearn's lstsq returns, also for rank-deficient X.
 */
export class LinearRegression extends LinearRegressorBase<LinearRegressionParams> {
  constructor(options?: Partial<LinearRegressionParams>) {
    super(withDefaults('LinearRegression', { fitIntercept: true }, options));
  }

  get modelName(): string {
    return 'LinearRegression';
  }

  static load(dump: ModelDump<LinearRegressionParams, LinearRegressorState> | string): LinearRegression {
    return loadModel((p) => new LinearRegression(p), dump);
  }

  protected solve(X: Matrix, y: Float64Array): { coef: Float64Array; intercept: number } {
    const c = center(X, y, this.params.fitIntercept);
    const { gram, xty } = normalEquations(c.X, c.y);
    const coef = pseudoInverseSolve(gram, xty, X.cols, Number.EPSILON * Math.max(X.rows, X.cols) * 1e3);
    return { coef, intercept: this.params.fitIntercept ? interceptFor(coef, c.xMean, c.yMean) : 0 };
  }
}
