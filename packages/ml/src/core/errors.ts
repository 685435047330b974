/** Typed errors raised by @cml/ml: each names the problem so callers can branch on `name`. */

/** `predict`, `transform`, `decisionFunction`... called before `fit`. */
export class NotFittedError extends Error {
  override name = 'NotFittedError';
  constructor(model: string, method = 'predict') {
    super(`${model} is not fitted yet: call fit(X, y) before ${method}()`);
  }
}

/** X has a different number of columns than the data the model was fitted on. */
export class FeatureCountError extends Error {
  override name = 'FeatureCountError';
  constructor(model: string, expected: number, got: number) {
    super(`${model} was fitted on ${expected} features but X has ${got}`);
  }
}

/** X or y holds NaN or an infinite value, or X is ragged or empty. */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
}

/** y does not fit the task: continuous values given to a classifier, one class only, and so on. */
export class LabelError extends Error {
  override name = 'LabelError';
}

/** A constructor option or argument outside its valid range. */
export class InvalidParameterError extends Error {
  override name = 'InvalidParameterError';
}

/** A `load()` payload that does not describe the expected model. */
export class ModelFormatError extends Error {
  override name = 'ModelFormatError';
}
