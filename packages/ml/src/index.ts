/**
 * @cml/ml — scikit-learn-style models and TensorFlow.js conversion compiled to FHE.
 * It only builds graphs (via @cml/tracer) and calls @cml/compiler; it never touches
 * ciphertexts directly. This module holds the float side: datasets, model selection,
 * metrics, preprocessing and models trained in JavaScript.
 */
export { broadcastShapes, initTfhe } from '@cml/compiler';
export type { FittedState, ModelDump } from './core/base.js';
export {
  FeatureCountError,
  InvalidInputError,
  InvalidParameterError,
  LabelError,
  ModelFormatError,
  NotFittedError,
} from './core/errors.js';
export type { MatrixLike } from './core/matrix.js';
export { Rng } from './core/random.js';
export * from './datasets/index.js';
export * from './linear-model/index.js';
export * from './metrics/index.js';
export * from './model-selection/index.js';
export * from './preprocessing/index.js';
export * from './tree/index.js';
export * from './ensemble/index.js';
export * from './xgboost/index.js';
export { loadAnyModel, MODEL_CLASSES, type AnyModel, type ModelName } from './model-registry.js';
export * from './neural-net/index.js';
export * from './quantization/index.js';
export * from './fhe/index.js';
export * from './deployment/index.js';
export * from './tfjs/index.js';
