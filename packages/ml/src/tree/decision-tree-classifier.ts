import { loadModel, type FittedState, type ModelDump } from '../core/base.js';
import { ProbabilisticClassifierModel } from '../core/estimators.js';
import { InvalidParameterError } from '../core/errors.js';
import { encodeLabels } from '../core/labels.js';
import { row, toMatrix, type MatrixLike } from '../core/matrix.js';
import { withDefaults } from '../core/params.js';
import { buildCart, checkedWeights } from './cart-builder.js';
import { ClassificationCriterion } from './split-criteria.js';
import { cartOptions, checkTreeGrowth, rngFor, TREE_GROWTH_DEFAULTS, type TreeGrowthParams } from './tree-params.js';
import { applyTree, type TreeStructure } from './tree-structure.js';
import { toFloat32Matrix } from '../core/float32.js';

export interface DecisionTreeClassifierParams extends TreeGrowthParams {
  criterion: 'gini' | 'entropy';
}

export interface TreeClassifierState extends FittedState {
  classes: number[];
  tree: TreeStructure;
}

/** Probabilities predicted by one classification tree: the class fractions of each sample's leaf. */
export function treeProba(tree: TreeStructure, x: ArrayLike<number>): number[] {
  return tree.value[applyTree(tree, x)] as number[];
}

/** Index of the largest entry (first on ties, as numpy's argmax). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if ((values[k] as number) > (values[best] as number)) best = k;
  return best;
}

/** CART classification tree (sklearn's DecisionTreeClassifier with the 'best' splitter). */
export class DecisionTreeClassifier extends ProbabilisticClassifierModel<DecisionTreeClassifierParams, TreeClassifierState> {
  constructor(options?: Partial<DecisionTreeClassifierParams>) {
    super(withDefaults('DecisionTreeClassifier', { ...TREE_GROWTH_DEFAULTS, criterion: 'gini' }, options));
    checkTreeGrowth('DecisionTreeClassifier', this.params);
    if (this.params.criterion !== 'gini' && this.params.criterion !== 'entropy') {
      throw new InvalidParameterError(`DecisionTreeClassifier: criterion must be 'gini' or 'entropy', got ${String(this.params.criterion)}`);
    }
  }

  get modelName(): string {
    return 'DecisionTreeClassifier';
  }

  static load(dump: ModelDump<DecisionTreeClassifierParams, TreeClassifierState> | string): DecisionTreeClassifier {
    return loadModel((p) => new DecisionTreeClassifier(p), dump);
  }

  fit(X: MatrixLike, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): this {
    const m = toFloat32Matrix(toMatrix(X));
    const { classes, encoded } = encodeLabels(y, m.rows, this.modelName);
    const weights = sampleWeight ? checkedWeights(sampleWeight, m.rows) : new Float64Array(m.rows).fill(1);
    const options = cartOptions(this.modelName, this.params, m.cols, rngFor(this.params.randomState));
    const tree = buildCart(m, weights, () => new ClassificationCriterion(encoded, classes.length, this.params.criterion), options);
    this.fittedState = { nFeatures: m.cols, classes, tree };
    return this;
  }

  get classes(): number[] {
    return this.state('classes').classes.slice();
  }

  /** The fitted tree as plain data (copy). */
  get tree(): TreeStructure {
    return structuredClone(this.state('tree').tree);
  }

  protected predictProbaFloat(X: MatrixLike): number[][] {
    const { m: raw, state } = this.checkX(X, 'predictProba');
    const m = toFloat32Matrix(raw);
    return Array.from({ length: m.rows }, (_, i) => treeProba(state.tree, row(m, i)).slice());
  }

  protected predictFloat(X: MatrixLike): number[] {
    const { m: raw, state } = this.checkX(X, 'predict');
    const m = toFloat32Matrix(raw);
    return Array.from({ length: m.rows }, (_, i) => state.classes[argmax(treeProba(state.tree, row(m, i)))] as number);
  }

  /** Leaf id reached by each sample. */
  apply(X: MatrixLike): number[] {
    const { m: raw, state } = this.checkX(X, 'apply');
    const m = toFloat32Matrix(raw);
    return Array.from({ length: m.rows }, (_, i) => applyTree(state.tree, row(m, i)));
  }
}
