import { loadModel, type ModelDump } from '../core/base.js';
import { InvalidParameterError } from '../core/errors.js';
import { minimizeLbfgs } from '../core/lbfgs.js';
import { exp, max } from '../core/math.js';
import type { Matrix, MatrixLike } from '../core/matrix.js';
import { requireInteger, requirePositive, withDefaults } from '../core/params.js';
import { LinearClassifierBase, type LinearClassifierState } from './linear-classifier-base.js';
import { logisticObjective, softmaxObjective } from './logistic-loss.js';
import type { ClearModeOptions, ExecuteModeOptions, PredictOptions } from '../fhe/fhe-model.js';

export interface LogisticRegressionParams {
  penalty: 'l2' | 'none';
  C: number;
  fitIntercept: boolean;
  maxIter: number;
  tol: number;
  /**
   * 'auto' = binary logistic for 2 classes, multinomial otherwise; 'ovr' = one binary
   * problem per class; 'multinomial' = softmax even for 2 classes.
   */
  multiClass: 'auto' | 'ovr' | 'multinomial';
}

const DEFAULTS: LogisticRegressionParams = { penalty: 'l2', C: 1, fitIntercept: true, maxIter: 100, tol: 1e-4, multiClass: 'auto' };

/**
 * L2-regularised logistic regression fitted by L-BFGS, sklearn's default solver:
 *   min_w Σᵢ ℓ(yᵢ, xᵢ·w + b) + ‖w‖² / (2C)
 * with ℓ the logistic loss (two classes, or each class against the rest) or the softmax
 * cross-entropy (K classes, one weight row per class). The intercept is not penalised. Stops at max|∇| ≤ tol or maxIter.
 */
export class LogisticRegression extends LinearClassifierBase<LogisticRegressionParams> {
  /** L-BFGS iterations the last fit took. */
  nIter = 0;

  constructor(options?: Partial<LogisticRegressionParams>) {
    super(withDefaults('LogisticRegression', DEFAULTS, options));
    requirePositive('LogisticRegression', 'C', this.params.C);
    requireInteger('LogisticRegression', 'maxIter', this.params.maxIter, 1);
    if (!['auto', 'ovr', 'multinomial'].includes(this.params.multiClass)) {
      throw new InvalidParameterError(`LogisticRegression: multiClass must be 'auto', 'ovr' or 'multinomial', got ${String(this.params.multiClass)}`);
    }
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

  /** Softmax scores are in use: multinomial with K > 2, or asked for with K = 2. */
  private isMultinomial(nClasses: number): boolean {
    return this.params.multiClass === 'multinomial' || (this.params.multiClass === 'auto' && nClasses > 2);
  }

  protected solve(X: Matrix, y: Int32Array, nClasses: number): { coef: number[][]; intercept: number[] } {
    const { C, penalty, fitIntercept, maxIter, tol } = this.params;
    const l2 = penalty === 'l2' ? 1 / C : 0;
    const p = X.cols;
    const stride = p + (fitIntercept ? 1 : 0);
    const unpack = (x: Float64Array, k: number) => ({
      coef: Array.from(x.subarray(k * stride, k * stride + p)),
      intercept: fitIntercept ? (x[k * stride + p] as number) : 0,
    });
    if (this.isMultinomial(nClasses)) {
      const result = minimizeLbfgs(softmaxObjective(X, y, nClasses, l2, fitIntercept), new Float64Array(nClasses * stride), { maxIter, gtol: tol });
      this.nIter = result.iterations;
      // With two classes sklearn keeps only class 1's row (the other is its negation at the
      // optimum, by symmetry of the penalty), and scores probabilities as softmax(−z, z).
      const rows = Array.from({ length: nClasses === 2 ? 1 : nClasses }, (_, k) => unpack(result.x, nClasses === 2 ? 1 : k));
      return { coef: rows.map((r) => r.coef), intercept: rows.map((r) => r.intercept) };
    }
    // One binary logistic problem per class (a single one, for class 1, with two classes).
    const positives = nClasses === 2 ? [1] : Array.from({ length: nClasses }, (_, k) => k);
    const rows = positives.map((positive) => {
      const binary = Int32Array.from(y, (c) => (c === positive ? 1 : 0));
      const result = minimizeLbfgs(logisticObjective(X, binary, l2, fitIntercept), new Float64Array(stride), { maxIter, gtol: tol });
      this.nIter = Math.max(this.nIter, result.iterations);
      return unpack(result.x, 0);
    });
    return { coef: rows.map((r) => r.coef), intercept: rows.map((r) => r.intercept) };
  }

  /**
   * Class probabilities. Two classes: [1 − σ(z), σ(z)], or σ(2z) for a multinomial fit
   * (softmax of (−z, z)). K classes: softmax of the K scores, or for one-vs-rest each class's
   * σ(z_k) normalised to sum to 1, as sklearn.
   */
  predictProba(X: MatrixLike, options?: ClearModeOptions): number[][];
  predictProba(X: MatrixLike, options: ExecuteModeOptions): Promise<number[][]>;
  predictProba(X: MatrixLike, options: PredictOptions): number[][] | Promise<number[][]>;
  predictProba(X: MatrixLike, options?: PredictOptions): number[][] | Promise<number[][]> {
    return this.withFhe('predictProba', X, options, () => this.predictProbaFloat(X));
  }

  private predictProbaFloat(X: MatrixLike): number[][] {
    const { values, width, state } = this.scores(X, 'predictProba');
    const multinomial = this.isMultinomial(state.classes.length);
    const rows: number[][] = [];
    for (let i = 0; i < values.length; i += width) {
      if (width === 1) {
        const z = values[i] as number;
        const p1 = 1 / (1 + exp(-(multinomial ? 2 * z : z)));
        rows.push([1 - p1, p1]);
        continue;
      }
      const z = values.subarray(i, i + width);
      if (!multinomial) {
        const s = Array.from(z, (v) => 1 / (1 + exp(-v)));
        const sum = s.reduce((a, b) => a + b, 0);
        rows.push(s.map((v) => v / sum));
        continue;
      }
      const zMax = max(...z);
      const e = Array.from(z, (v) => exp(v - zMax));
      const sum = e.reduce((a, b) => a + b, 0);
      rows.push(e.map((v) => v / sum));
    }
    return rows;
  }
}
