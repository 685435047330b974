import { InvalidInputError } from '../core/errors.js';
import { accuracyScore } from '../metrics/accuracy.js';
import { r2Score } from '../metrics/regression.js';
import { StratifiedKFold } from './stratified-k-fold.js';
import { KFold } from './k-fold.js';
import type { CrossValidator } from './split-types.js';
import { RegressorModel } from '../core/estimators.js';
import { Pipeline } from '../preprocessing/pipeline.js';

function isRegressor(estimator: Estimator): boolean {
  const model = estimator instanceof Pipeline ? estimator.model : estimator;
  return model instanceof RegressorModel;
}

/** The part of a model cross-validation needs. */
export interface Estimator {
  fit(X: number[][], y: number[]): unknown;
  predict(X: number[][]): number[];
}

export interface CrossValScoreOptions {
  /** A splitter, or a fold count (stratified for classification, as sklearn). Default 5. */
  cv?: CrossValidator | number;
  /** 'accuracy' (default for classifiers), 'r2' (default for regressors), or a function. */
  scoring?: 'accuracy' | 'r2' | ((yTrue: number[], yPred: number[]) => number);
  /**
   * Whether the task is classification; decides the default cv and scoring. Default: false
   * for a regressor (or a pipeline ending in one), true otherwise, as sklearn's is_classifier.
   */
  classification?: boolean;
}

/**
 * Fits a fresh model (from `makeEstimator`) on each training fold and scores it on the
 * held-out fold. A factory rather than an instance, so no fitted state leaks across folds.
 */
export function crossValScore(
  makeEstimator: () => Estimator,
  X: ReadonlyArray<ArrayLike<number>>,
  y: ArrayLike<number>,
  { cv = 5, scoring, classification }: CrossValScoreOptions = {},
): number[] {
  if (X.length !== y.length) throw new InvalidInputError(`crossValScore: X has ${X.length} rows but y has ${y.length}`);
  let spare: Estimator | undefined = makeEstimator();
  classification ??= !isRegressor(spare);
  const splitter = typeof cv === 'number' ? (classification ? new StratifiedKFold({ nSplits: cv }) : new KFold({ nSplits: cv })) : cv;
  const score =
    typeof scoring === 'function' ? scoring : (scoring ?? (classification ? 'accuracy' : 'r2')) === 'accuracy' ? accuracyScore : r2Score;
  const rows = X.map((r) => Array.from(r));
  const labels = Array.from(y);
  return splitter.split(rows.length, labels).map(({ train, test }) => {
    const model = spare ?? makeEstimator();
    spare = undefined;
    model.fit(train.map((i) => rows[i] as number[]), train.map((i) => labels[i] as number));
    return score(test.map((i) => labels[i] as number), model.predict(test.map((i) => rows[i] as number[])));
  });
}
