export type { MlpWeights } from './mlp-forward.js';
export { MLP_DEFAULTS, type MlpActivation, type MlpParams } from './mlp-params.js';
export { NeuralNetClassifier, type NeuralNetClassifierState } from './neural-net-classifier.js';
export { NeuralNetRegressor, type NeuralNetRegressorState } from './neural-net-regressor.js';
