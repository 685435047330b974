import { LinearSVC } from '../linear-model/linear-svc.js';
import { LogisticRegression } from '../linear-model/logistic-regression.js';
import type { Estimator } from '../model-selection/cross-val-score.js';
import { makePipeline } from '../preprocessing/pipeline.js';
import { StandardScaler } from '../preprocessing/standard-scaler.js';
import { RandomForestClassifier } from '../ensemble/random-forest-classifier.js';
import { DecisionTreeClassifier } from '../tree/decision-tree-classifier.js';
import { XGBClassifier } from '../xgboost/xgb-classifier.js';
import { NeuralNetClassifier } from '../neural-net/neural-net-classifier.js';

/**
 * The breast_cancer protocol, model by model, as in scripts/make_sklearn_fixtures.py:
 * linear models behind a StandardScaler (as Concrete ML's benchmarks), trees on raw features.
 */
export const BREAST_CANCER_CLASSIFIERS: Record<string, () => Estimator> = {
  LogisticRegression: () => makePipeline(new StandardScaler(), new LogisticRegression()),
  LinearSVC: () => makePipeline(new StandardScaler(), new LinearSVC()),
  DecisionTreeClassifier: () => new DecisionTreeClassifier({ maxDepth: 5, randomState: 0 }),
  RandomForestClassifier: () => new RandomForestClassifier({ nEstimators: 50, maxDepth: 5, randomState: 0 }),
  XGBClassifier: () => new XGBClassifier({ nEstimators: 50, maxDepth: 3 }),
};

/** Models too slow to train 5 times in the default suite (TensorFlow.js on the CPU backend). */
export const SLOW_BREAST_CANCER_CLASSIFIERS: Record<string, () => Estimator> = {
  NeuralNetClassifier: () => makePipeline(new StandardScaler(), new NeuralNetClassifier({ hiddenLayerSizes: [32, 32], randomState: 0 })),
};
