import { loadModel, type ModelDump } from '../core/base.js';
import { choleskySolve, type Matrix } from '../core/matrix.js';
import { requirePositive, withDefaults } from '../core/params.js';
import { center, interceptFor, normalEquations } from './centering.js';
import { LinearRegressorBase, type LinearRegressorState } from './linear-regressor-base.js';
import { pseudoInverseSolve } from './symmetric-eigen.js';

export interface RidgeParams {
  alpha: number;
  fitIntercept: boolean;
}

/**
 * L2-penalised least squares: w = argmin ‖y − Xw − b‖² + α‖w‖², i.e. (XᵀX + αI) w = Xᵀy on
 * centered data (intercept unpenalised), solved by Cholesky as sklearn's 'cholesky' solver.
 */
export class Ridge extends LinearRegressorBase<RidgeParams> {
  constructor(options?: Partial<RidgeParams>) {
    super(withDefaults('Ridge', { alpha: 1, fitIntercept: true }, options));
    requirePositive('Ridge', 'alpha', this.params.alpha, true);
  }

  get modelName(): string {
    return 'Ridge';
  }

  static load(dump: ModelDump<RidgeParams, LinearRegressorState> | string): Ridge {
    return loadModel((p) => new Ridge(p), dump);
  }

  protected solve(X: Matrix, y: Float64Array): { coef: Float64Array; intercept: number } {
    const c = center(X, y, this.params.fitIntercept);
    const { gram, xty } = normalEquations(c.X, c.y);
    const p = X.cols;
    for (let j = 0; j < p; j++) gram[j * p + j] = (gram[j * p + j] as number) + this.params.alpha;
    // α = 0 on rank-deficient data is not positive definite: fall back to the pseudo-inverse.
    const coef = choleskySolve(gram, xty, p) ?? pseudoInverseSolve(gram, xty, p, 1e-12);
    return { coef, intercept: this.params.fitIntercept ? interceptFor(coef, c.xMean, c.yMean) : 0 };
  }
}
