import { loadModel, type ModelDump } from '../core/base.js';
import { InvalidParameterError } from '../core/errors.js';
import type { Matrix } from '../core/matrix.js';
import { requireInteger, requirePositive, withDefaults } from '../core/params.js';
import { center, interceptFor } from './centering.js';
import { elasticNetCoordinateDescent } from './coordinate-descent.js';
import { LinearRegressorBase, type LinearRegressorState } from './linear-regressor-base.js';

export interface ElasticNetParams {
  alpha: number;
  l1Ratio: number;
  fitIntercept: boolean;
  maxIter: number;
  tol: number;
  positive: boolean;
}

const DEFAULTS: ElasticNetParams = { alpha: 1, l1Ratio: 0.5, fitIntercept: true, maxIter: 1000, tol: 1e-4, positive: false };

/** Least squares with a mixed L1/L2 penalty (see `elasticNetCoordinateDescent` for the objective). */
export class ElasticNet extends LinearRegressorBase<ElasticNetParams> {
  constructor(options?: Partial<ElasticNetParams>, name = 'ElasticNet') {
    super(withDefaults(name, DEFAULTS, options));
    requirePositive(name, 'alpha', this.params.alpha, true);
    requireInteger(name, 'maxIter', this.params.maxIter, 1);
    if (!(this.params.l1Ratio >= 0 && this.params.l1Ratio <= 1)) {
      throw new InvalidParameterError(`${name}: l1Ratio must be in [0, 1], got ${this.params.l1Ratio}`);
    }
  }

  get modelName(): string {
    return 'ElasticNet';
  }

  static load(dump: ModelDump<ElasticNetParams, LinearRegressorState> | string): ElasticNet {
    return loadModel((p) => new ElasticNet(p), dump);
  }

  /** Iterations the last fit took. */
  nIter = 0;

  protected solve(X: Matrix, y: Float64Array): { coef: Float64Array; intercept: number } {
    const c = center(X, y, this.params.fitIntercept);
    const { coef, iterations } = elasticNetCoordinateDescent({ ...this.params, X: c.X, y: c.y });
    this.nIter = iterations;
    return { coef, intercept: this.params.fitIntercept ? interceptFor(coef, c.xMean, c.yMean) : 0 };
  }
}
