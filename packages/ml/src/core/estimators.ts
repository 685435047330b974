import { accuracyScore } from '../metrics/accuracy.js';
import { r2Score } from '../metrics/regression.js';
import { BaseModel, type FittedState } from './base.js';
import type { MatrixLike } from './matrix.js';

/** A model that predicts class labels. */
export abstract class ClassifierModel<P extends object, S extends FittedState> extends BaseModel<P, S> {
  abstract predict(X: MatrixLike): number[];

  /** Mean accuracy of predict(X) against y, as sklearn's ClassifierMixin.score. */
  score(X: MatrixLike, y: ArrayLike<number>): number {
    return accuracyScore(y, this.predict(X));
  }
}

/** A model that predicts real values. */
export abstract class RegressorModel<P extends object, S extends FittedState> extends BaseModel<P, S> {
  abstract predict(X: MatrixLike): number[];

  /** R² of predict(X) against y, as sklearn's RegressorMixin.score. */
  score(X: MatrixLike, y: ArrayLike<number>): number {
    return r2Score(y, this.predict(X));
  }
}
