import { parseDump, type ModelDump } from './core/base.js';
import { ModelFormatError } from './core/errors.js';
import { RandomForestClassifier } from './ensemble/random-forest-classifier.js';
import { RandomForestRegressor } from './ensemble/random-forest-regressor.js';
import { ElasticNet } from './linear-model/elastic-net.js';
import { GammaRegressor, PoissonRegressor, TweedieRegressor } from './linear-model/glm-regressors.js';
import { Lasso } from './linear-model/lasso.js';
import { LinearRegression } from './linear-model/linear-regression.js';
import { LinearSVC } from './linear-model/linear-svc.js';
import { LinearSVR } from './linear-model/linear-svr.js';
import { LogisticRegression } from './linear-model/logistic-regression.js';
import { Ridge } from './linear-model/ridge.js';
import { NeuralNetClassifier } from './neural-net/neural-net-classifier.js';
import { NeuralNetRegressor } from './neural-net/neural-net-regressor.js';
import { MinMaxScaler } from './preprocessing/min-max-scaler.js';
import { StandardScaler } from './preprocessing/standard-scaler.js';
import { DecisionTreeClassifier } from './tree/decision-tree-classifier.js';
import { DecisionTreeRegressor } from './tree/decision-tree-regressor.js';
import { XGBClassifier } from './xgboost/xgb-classifier.js';
import { XGBRegressor } from './xgboost/xgb-regressor.js';

/** Every class that can be dumped, by the name its dump records. */
export const MODEL_CLASSES = {
  LinearRegression,
  Ridge,
  Lasso,
  ElasticNet,
  LogisticRegression,
  LinearSVC,
  LinearSVR,
  PoissonRegressor,
  GammaRegressor,
  TweedieRegressor,
  DecisionTreeClassifier,
  DecisionTreeRegressor,
  RandomForestClassifier,
  RandomForestRegressor,
  XGBClassifier,
  XGBRegressor,
  NeuralNetClassifier,
  NeuralNetRegressor,
  StandardScaler,
  MinMaxScaler,
} as const;

export type ModelName = keyof typeof MODEL_CLASSES;
export type AnyModel = InstanceType<(typeof MODEL_CLASSES)[ModelName]>;

/** Restores any dumped model, choosing the class from the dump's `model` field. */
export function loadAnyModel(dump: ModelDump | string): AnyModel {
  const parsed = parseDump(dump);
  const cls = (MODEL_CLASSES as Record<string, { load(d: ModelDump): AnyModel }>)[parsed.model];
  if (!cls) throw new ModelFormatError(`unknown model '${String(parsed.model)}'; known: ${Object.keys(MODEL_CLASSES).join(', ')}`);
  return cls.load(parsed);
}
