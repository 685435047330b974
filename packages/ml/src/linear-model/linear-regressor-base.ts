import { type FittedState } from '../core/base.js';
import { RegressorModel } from '../core/estimators.js';
import { toMatrix, toVector, matVec, type Matrix, type MatrixLike } from '../core/matrix.js';

export interface LinearRegressorState extends FittedState {
  coef: number[];
  intercept: number;
}

/** A regressor predicting link⁻¹(X·coef + intercept); the link is the identity unless overridden. */
export abstract class LinearRegressorBase<P extends object> extends RegressorModel<P, LinearRegressorState> {
  /** Solves for (coef, intercept) on validated data. */
  protected abstract solve(X: Matrix, y: Float64Array): { coef: Float64Array; intercept: number };

  fit(X: MatrixLike, y: ArrayLike<number>): this {
    const m = toMatrix(X);
    const target = toVector(y, m.rows);
    this.checkTarget(target);
    const { coef, intercept } = this.solve(m, target);
    this.fittedState = { nFeatures: m.cols, coef: Array.from(coef), intercept };
    return this;
  }

  /** Hook for targets outside a model's domain (e.g. negative counts for Poisson). */
  protected checkTarget(_y: Float64Array): void {}

  /** Inverse link applied to the linear predictor. */
  protected inverseLink(eta: number): number {
    return eta;
  }

  get coef(): number[] {
    return this.state('coef').coef.slice();
  }

  get intercept(): number {
    return this.state('intercept').intercept;
  }

  protected predictFloat(X: MatrixLike): number[] {
    const { m, state } = this.checkX(X, 'predict');
    return Array.from(matVec(m, state.coef, state.intercept), (eta) => this.inverseLink(eta));
  }
}
