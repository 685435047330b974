export type { ForestParams } from './forest-params.js';
export { RandomForestClassifier, type ForestClassifierState, type RandomForestClassifierParams } from './random-forest-classifier.js';
export { RandomForestRegressor, type ForestRegressorState } from './random-forest-regressor.js';
