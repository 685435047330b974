import { accuracyScore } from '../metrics/accuracy.js';
import { r2Score } from '../metrics/regression.js';
import type { ClearModeOptions, ExecuteModeOptions, PredictOptions } from '../fhe/fhe-model.js';
import { BaseModel, type FittedState } from './base.js';
import type { MatrixLike } from './matrix.js';

/**
 * A model with `predict(X)` (the float model) and, once compiled, `predict(X, { fhe })`:
 * 'disable' (quantized clear model) and 'simulate' are synchronous, 'execute' returns a Promise.
 */
export abstract class PredictingModel<P extends object, S extends FittedState> extends BaseModel<P, S> {
  protected abstract predictFloat(X: MatrixLike): number[];

  predict(X: MatrixLike, options?: ClearModeOptions): number[];
  predict(X: MatrixLike, options: ExecuteModeOptions): Promise<number[]>;
  predict(X: MatrixLike, options: PredictOptions): number[] | Promise<number[]>;
  predict(X: MatrixLike, options?: PredictOptions): number[] | Promise<number[]> {
    return this.withFhe('predict', X, options, () => this.predictFloat(X));
  }
}

/** A model that predicts class labels. */
export abstract class ClassifierModel<P extends object, S extends FittedState> extends PredictingModel<P, S> {

  /** Mean accuracy of predict(X) against y, as sklearn's ClassifierMixin.score. */
  score(X: MatrixLike, y: ArrayLike<number>): number {
    return accuracyScore(y, this.predict(X));
  }
}

/** A classifier with class probabilities: `predictProba(X)` and, once compiled, with `{ fhe }`. */
export abstract class ProbabilisticClassifierModel<P extends object, S extends FittedState> extends ClassifierModel<P, S> {
  protected abstract predictProbaFloat(X: MatrixLike): number[][];

  predictProba(X: MatrixLike, options?: ClearModeOptions): number[][];
  predictProba(X: MatrixLike, options: ExecuteModeOptions): Promise<number[][]>;
  predictProba(X: MatrixLike, options: PredictOptions): number[][] | Promise<number[][]>;
  predictProba(X: MatrixLike, options?: PredictOptions): number[][] | Promise<number[][]> {
    return this.withFhe('predictProba', X, options, () => this.predictProbaFloat(X));
  }
}

/** A model that predicts real values. */
export abstract class RegressorModel<P extends object, S extends FittedState> extends PredictingModel<P, S> {

  /** R² of predict(X) against y, as sklearn's RegressorMixin.score. */
  score(X: MatrixLike, y: ArrayLike<number>): number {
    return r2Score(y, this.predict(X));
  }
}
