import { loadModel, type ModelDump } from '../core/base.js';
import { InvalidParameterError } from '../core/errors.js';
import { minimizeLbfgs } from '../core/lbfgs.js';
import type { Matrix, MatrixLike } from '../core/matrix.js';
import { requireInteger, requirePositive, withDefaults } from '../core/params.js';
import { LinearClassifierBase, type LinearClassifierState } from './linear-classifier-base.js';
import { logisticObjective, softmaxObjective } from './logistic-loss.js';

export interface LogisticRegressionParams {
  penalty: 'l2' | 'none';
  C: number;
  fitIntercept: boolean;
  maxIter: number;
  tol: number;
  /** 'auto' = binary logistic for 2 classes, multinomial (softmax) otherwise. */
  multiClass: 'auto' | 'multinomial';
}

const DEFAULTS: LogisticRegressionParams = { penalty: 'l2', C: 1, fitIntercept: true, maxIter: 100, tol: 1e-4, multiClass: 'auto' };

/**
 * L2-regularised logistic regression fitted by L-BFGS, sklearn's default solver:
 *   min_w Σᵢ ℓ(yᵢ, xᵢ·w + b) + ‖w‖² / (2C)
 * with ℓ the logistic loss (two classes) or the softmax cross-entropy (K classes, one
 * weight row per class). The intercept is not penalised. Stops at max|∇| ≤ tol or maxIter.
 */
export class LogisticRegression extends LinearClassifierBase<LogisticRegressionParams> {
  /** L-BFGS iterations the last fit took. */
  nIter = 0;

  constructor(options?: Partial<LogisticRegressionParams>) {
    super(withDefaults('LogisticRegression', DEFAULTS, options));
    requirePositive('LogisticRegression', 'C', this.params.C);
    requireInteger('LogisticRegression', 'maxIter', this.params.maxIter, 1);
    if (this.params.penalty !== 'l2' && this.params.penalty !== 'none') {
      throw new InvalidParameterError(`LogisticRegression: penalty must be 'l2' or 'none', got ${String(this.params.penalty)}`);
    }
  }

  get modelName(): string {
    return 'LogisticRegression';
  }

  static load(dump: ModelDump<LogisticRegressionParams, LinearClassifierState> | string): LogisticRegression {
    return loadModel((p) => new LogisticRegression(p), dump);
  }

  protected solve(X: Matrix, y: Int32Array, nClasses: number): { coef: number[][]; intercept: number[] } {
    const { C, penalty, fitIntercept, maxIter, tol } = this.params;
    const l2 = penalty === 'l2' ? 1 / C : 0;
    const p = X.cols;
    const width = nClasses === 2 ? 1 : nClasses;
    const stride = p + (fitIntercept ? 1 : 0);
    const objective = width === 1 ? logisticObjective(X, y, l2, fitIntercept) : softmaxObjective(X, y, nClasses, l2, fitIntercept);
    const result = minimizeLbfgs(objective, new Float64Array(width * stride), { maxIter, gtol: tol });
    this.nIter = result.iterations;
    const coef: number[][] = [];
    const intercept: number[] = [];
    for (let k = 0; k < width; k++) {
      coef.push(Array.from(result.x.subarray(k * stride, k * stride + p)));
      intercept.push(fitIntercept ? (result.x[k * stride + p] as number) : 0);
    }
    return { coef, intercept };
  }

  /** Class probabilities: [1 − σ(z), σ(z)] for two classes, softmax of the K scores otherwise. */
  predictProba(X: MatrixLike): number[][] {
    const { values, width } = this.scores(X, 'predictProba');
    const rows: number[][] = [];
    for (let i = 0; i < values.length; i += width) {
      if (width === 1) {
        const p1 = 1 / (1 + Math.exp(-(values[i] as number)));
        rows.push([1 - p1, p1]);
        continue;
      }
      const z = values.subarray(i, i + width);
      const zMax = Math.max(...z);
      const e = Array.from(z, (v) => Math.exp(v - zMax));
      const sum = e.reduce((a, b) => a + b, 0);
      rows.push(e.map((v) => v / sum));
    }
    return rows;
  }
}
