import { loadModel, type ModelDump } from '../core/base.js';
import { InvalidParameterError } from '../core/errors.js';
import type { Matrix } from '../core/matrix.js';
import { requireInteger, requirePositive, withDefaults } from '../core/params.js';
import { Rng } from '../core/random.js';
import { LinearClassifierBase, type LinearClassifierState } from './linear-classifier-base.js';
import { svcDualCoordinateDescent } from './liblinear-dual-cd.js';

export interface LinearSVCParams {
  loss: 'hinge' | 'squared_hinge';
  C: number;
  tol: number;
  fitIntercept: boolean;
  /** The constant feature appended to X; its weight (regularised, as liblinear) is the intercept / interceptScaling. */
  interceptScaling: number;
  maxIter: number;
  randomState: number;
}

const DEFAULTS: LinearSVCParams = {
  loss: 'squared_hinge',
  C: 1,
  tol: 1e-4,
  fitIntercept: true,
  interceptScaling: 1,
  maxIter: 1000,
  randomState: 0,
};

/**
 * Linear support vector classifier (sklearn's liblinear-backed LinearSVC, L2 penalty, dual):
 * one-vs-rest for K > 2 classes, each binary problem solved by dual coordinate descent.
 * No predictProba, as sklearn.
 */
export class LinearSVC extends LinearClassifierBase<LinearSVCParams> {
  constructor(options?: Partial<LinearSVCParams>) {
    super(withDefaults('LinearSVC', DEFAULTS, options));
    requirePositive('LinearSVC', 'C', this.params.C);
    requireInteger('LinearSVC', 'maxIter', this.params.maxIter, 1);
    if (this.params.loss !== 'hinge' && this.params.loss !== 'squared_hinge') {
      throw new InvalidParameterError(`LinearSVC: loss must be 'hinge' or 'squared_hinge', got ${String(this.params.loss)}`);
    }
  }

  get modelName(): string {
    return 'LinearSVC';
  }

  static load(dump: ModelDump<LinearSVCParams, LinearClassifierState> | string): LinearSVC {
    return loadModel((p) => new LinearSVC(p), dump);
  }

  protected solve(X: Matrix, y: Int32Array, nClasses: number): { coef: number[][]; intercept: number[] } {
    const { C, loss, tol, maxIter, fitIntercept, interceptScaling, randomState } = this.params;
    const bias = fitIntercept ? interceptScaling : 0;
    const rng = new Rng(randomState);
    const positives = nClasses === 2 ? [1] : Array.from({ length: nClasses }, (_, k) => k);
    const coef: number[][] = [];
    const intercept: number[] = [];
    for (const positive of positives) {
      const ySigned = Int8Array.from(y, (c) => (c === positive ? 1 : -1));
      const { w } = svcDualCoordinateDescent(X, ySigned, { C, loss, bias, tol, maxIter, rng });
      coef.push(Array.from(w.subarray(0, X.cols)));
      intercept.push(bias > 0 ? (w[X.cols] as number) * bias : 0);
    }
    return { coef, intercept };
  }
}
