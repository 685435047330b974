import { loadModel, type FittedState, type ModelDump } from '../core/base.js';
import { ProbabilisticClassifierModel } from '../core/estimators.js';
import { InvalidParameterError } from '../core/errors.js';
import { encodeLabels } from '../core/labels.js';
import { row, toMatrix, type MatrixLike } from '../core/matrix.js';
import { withDefaults } from '../core/params.js';
import { Rng } from '../core/random.js';
import { buildCart } from '../tree/cart-builder.js';
import { argmax, treeProba } from '../tree/decision-tree-classifier.js';
import { ClassificationCriterion } from '../tree/split-criteria.js';
import { cartOptions, rngFor, TREE_GROWTH_DEFAULTS } from '../tree/tree-params.js';
import type { TreeStructure } from '../tree/tree-structure.js';
import { bootstrapWeights } from './bootstrap.js';
import { bootstrapSize, checkForest, type ForestParams } from './forest-params.js';
import { toFloat32Matrix } from '../core/float32.js';

export interface RandomForestClassifierParams extends ForestParams {
  criterion: 'gini' | 'entropy';
}

export interface ForestClassifierState extends FittedState {
  classes: number[];
  trees: TreeStructure[];
}

const DEFAULTS: RandomForestClassifierParams = {
  ...TREE_GROWTH_DEFAULTS,
  maxFeatures: 'sqrt',
  nEstimators: 100,
  bootstrap: true,
  maxSamples: null,
  criterion: 'gini',
};

/**
 * Random forest of CART classifiers (sklearn's RandomForestClassifier): each tree is grown
 * on a bootstrap sample with √d features tried per split; probabilities are the mean of
 * the trees' leaf class fractions.
 */
export class RandomForestClassifier extends ProbabilisticClassifierModel<RandomForestClassifierParams, ForestClassifierState> {
  constructor(options?: Partial<RandomForestClassifierParams>) {
    super(withDefaults('RandomForestClassifier', DEFAULTS, options));
    checkForest('RandomForestClassifier', this.params);
    if (this.params.criterion !== 'gini' && this.params.criterion !== 'entropy') {
      throw new InvalidParameterError(`RandomForestClassifier: criterion must be 'gini' or 'entropy'`);
    }
  }

  get modelName(): string {
    return 'RandomForestClassifier';
  }

  static load(dump: ModelDump<RandomForestClassifierParams, ForestClassifierState> | string): RandomForestClassifier {
    return loadModel((p) => new RandomForestClassifier(p), dump);
  }

  fit(X: MatrixLike, y: ArrayLike<number>): this {
    const m = toFloat32Matrix(toMatrix(X));
    const { classes, encoded } = encodeLabels(y, m.rows, this.modelName);
    const rng = rngFor(this.params.randomState);
    const draws = bootstrapSize(this.params, m.rows);
    const trees: TreeStructure[] = [];
    for (let t = 0; t < this.params.nEstimators; t++) {
      const treeRng = new Rng(rng.childSeed());
      const weights = this.params.bootstrap ? bootstrapWeights(m.rows, draws, treeRng) : new Float64Array(m.rows).fill(1);
      const options = cartOptions(this.modelName, this.params, m.cols, treeRng);
      trees.push(buildCart(m, weights, () => new ClassificationCriterion(encoded, classes.length, this.params.criterion), options));
    }
    this.fittedState = { nFeatures: m.cols, classes, trees };
    return this;
  }

  get classes(): number[] {
    return this.state('classes').classes.slice();
  }

  /** The fitted trees as plain data (copies). */
  get trees(): TreeStructure[] {
    return structuredClone(this.state('trees').trees);
  }

  protected predictProbaFloat(X: MatrixLike): number[][] {
    const { m: raw, state } = this.checkX(X, 'predictProba');
    const m = toFloat32Matrix(raw);
    return Array.from({ length: m.rows }, (_, i) => {
      const x = row(m, i);
      const mean = new Array<number>(state.classes.length).fill(0);
      for (const tree of state.trees) {
        const p = treeProba(tree, x);
        for (let k = 0; k < mean.length; k++) mean[k] = (mean[k] as number) + (p[k] as number) / state.trees.length;
      }
      return mean;
    });
  }

  protected predictFloat(X: MatrixLike): number[] {
    const classes = this.state('predict').classes;
    return this.predictProba(X).map((p) => classes[argmax(p)] as number);
  }
}
