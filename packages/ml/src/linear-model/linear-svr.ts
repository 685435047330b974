import { loadModel, type ModelDump } from '../core/base.js';
import { InvalidParameterError } from '../core/errors.js';
import type { Matrix } from '../core/matrix.js';
import { requireInteger, requirePositive, withDefaults } from '../core/params.js';
import { Rng } from '../core/random.js';
import { svrDualCoordinateDescent } from './liblinear-dual-cd.js';
import { LinearRegressorBase, type LinearRegressorState } from './linear-regressor-base.js';

export interface LinearSVRParams {
  epsilon: number;
  tol: number;
  C: number;
  loss: 'epsilon_insensitive' | 'squared_epsilon_insensitive';
  fitIntercept: boolean;
  interceptScaling: number;
  maxIter: number;
  randomState: number;
}

const DEFAULTS: LinearSVRParams = {
  epsilon: 0,
  tol: 1e-4,
  C: 1,
  loss: 'epsilon_insensitive',
  fitIntercept: true,
  interceptScaling: 1,
  maxIter: 1000,
  randomState: 0,
};

/** Linear support vector regression (sklearn's liblinear-backed LinearSVR), solved in the dual. */
export class LinearSVR extends LinearRegressorBase<LinearSVRParams> {
  constructor(options?: Partial<LinearSVRParams>) {
    super(withDefaults('LinearSVR', DEFAULTS, options));
    requirePositive('LinearSVR', 'C', this.params.C);
    requirePositive('LinearSVR', 'epsilon', this.params.epsilon, true);
    requireInteger('LinearSVR', 'maxIter', this.params.maxIter, 1);
    if (this.params.loss !== 'epsilon_insensitive' && this.params.loss !== 'squared_epsilon_insensitive') {
      throw new InvalidParameterError(`LinearSVR: unknown loss ${String(this.params.loss)}`);
    }
  }

  get modelName(): string {
    return 'LinearSVR';
  }

  static load(dump: ModelDump<LinearSVRParams, LinearRegressorState> | string): LinearSVR {
    return loadModel((p) => new LinearSVR(p), dump);
  }

  protected solve(X: Matrix, y: Float64Array): { coef: Float64Array; intercept: number } {
    const { fitIntercept, interceptScaling, randomState, ...rest } = this.params;
    const bias = fitIntercept ? interceptScaling : 0;
    const { w } = svrDualCoordinateDescent(X, y, { ...rest, bias, rng: new Rng(randomState) });
    return { coef: w.slice(0, X.cols), intercept: bias > 0 ? (w[X.cols] as number) * bias : 0 };
  }
}
