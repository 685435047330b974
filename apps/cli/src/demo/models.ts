import {
  DecisionTreeClassifier,
  LogisticRegression,
  NeuralNetClassifier,
  RandomForestClassifier,
  XGBClassifier,
  type CompilableModel,
  type MatrixLike,
} from '@cml/ml';
import type { ModelShortName } from './model-names.js';

/** A model the demo can train: fit, clear predict, compile. */
export interface DemoModel extends CompilableModel {
  fit(X: MatrixLike, y: ArrayLike<number>): unknown;
  predict(X: MatrixLike): number[];
  compile: LogisticRegression['compile'];
}

interface DemoModelKind {
  readonly label: string;
  /** `quick` is the smallest honest variant (for tests); otherwise the demo's default size. */
  create(quick: boolean): DemoModel;
}

/** The models `--models` accepts, by short name. Sizes keep encrypted runs to seconds per sample on 2 cores. */
export const DEMO_MODELS: Readonly<Record<ModelShortName, DemoModelKind>> = {
  lr: { label: 'LogisticRegression', create: () => new LogisticRegression({ maxIter: 1000 }) },
  dt: {
    label: 'DecisionTreeClassifier',
    create: (quick) => new DecisionTreeClassifier({ maxDepth: quick ? 3 : 4, randomState: 0 }),
  },
  rf: {
    label: 'RandomForestClassifier',
    create: (quick) => new RandomForestClassifier({ nEstimators: quick ? 3 : 5, maxDepth: 3, randomState: 0 }),
  },
  xgb: {
    label: 'XGBClassifier',
    create: (quick) => new XGBClassifier({ nEstimators: quick ? 5 : 10, maxDepth: 3 }),
  },
  mlp: {
    label: 'NeuralNetClassifier',
    create: () => new NeuralNetClassifier({ hiddenLayerSizes: [8], maxIter: 200, randomState: 0 }) as unknown as DemoModel,
  },
};

