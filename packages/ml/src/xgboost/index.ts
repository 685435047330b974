export { XGBClassifier, type XGBClassifierState } from './xgb-classifier.js';
export { XGB_DEFAULTS, type XGBParams } from './xgb-params.js';
export { XGBRegressor, type XGBRegressorState } from './xgb-regressor.js';
