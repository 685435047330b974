import { RandomForestRegressor } from '../ensemble/random-forest-regressor.js';
import { RandomForestClassifier } from '../ensemble/random-forest-classifier.js';
import { ElasticNet } from '../linear-model/elastic-net.js';
import { GammaRegressor, PoissonRegressor, TweedieRegressor } from '../linear-model/glm-regressors.js';
import { Lasso } from '../linear-model/lasso.js';
import { LinearRegression } from '../linear-model/linear-regression.js';
import { LinearSVR } from '../linear-model/linear-svr.js';
import { LogisticRegression } from '../linear-model/logistic-regression.js';
import { Ridge } from '../linear-model/ridge.js';
import type { Estimator } from '../model-selection/cross-val-score.js';
import { makePipeline, type PipelineModel } from '../preprocessing/pipeline.js';
import { StandardScaler } from '../preprocessing/standard-scaler.js';
import { DecisionTreeClassifier } from '../tree/decision-tree-classifier.js';
import { DecisionTreeRegressor } from '../tree/decision-tree-regressor.js';
import { XGBClassifier } from '../xgboost/xgb-classifier.js';
import { XGBRegressor } from '../xgboost/xgb-regressor.js';

const scaled = (model: PipelineModel) => makePipeline(new StandardScaler(), model);

/** Same models and options as dataset_cv_fixtures() in scripts/make_sklearn_fixtures.py. */
export const CLASSIFIER_PROTOCOL: Record<string, () => Estimator> = {
  LogisticRegression: () => scaled(new LogisticRegression()),
  DecisionTreeClassifier: () => new DecisionTreeClassifier({ maxDepth: 5, randomState: 0 }),
  RandomForestClassifier: () => new RandomForestClassifier({ nEstimators: 50, maxDepth: 5, randomState: 0 }),
  XGBClassifier: () => new XGBClassifier({ nEstimators: 50, maxDepth: 3 }),
};

export const REGRESSOR_PROTOCOL: Record<string, () => Estimator> = {
  LinearRegression: () => new LinearRegression(),
  Ridge: () => new Ridge(),
  Lasso: () => new Lasso({ alpha: 0.1 }),
  ElasticNet: () => new ElasticNet({ alpha: 0.01 }),
  LinearSVR: () => scaled(new LinearSVR({ C: 10, maxIter: 10000 })),
  PoissonRegressor: () => scaled(new PoissonRegressor()),
  GammaRegressor: () => scaled(new GammaRegressor()),
  TweedieRegressor: () => scaled(new TweedieRegressor({ power: 1.5 })),
  DecisionTreeRegressor: () => new DecisionTreeRegressor({ maxDepth: 4, randomState: 0 }),
  RandomForestRegressor: () => new RandomForestRegressor({ nEstimators: 50, maxDepth: 5, randomState: 0 }),
  XGBRegressor: () => new XGBRegressor({ nEstimators: 50, maxDepth: 3 }),
};
