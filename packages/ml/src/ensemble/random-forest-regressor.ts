import { loadModel, type FittedState, type ModelDump } from '../core/base.js';
import { RegressorModel } from '../core/estimators.js';
import { row, toMatrix, toVector, type MatrixLike } from '../core/matrix.js';
import { withDefaults } from '../core/params.js';
import { Rng } from '../core/random.js';
import { buildCart } from '../tree/cart-builder.js';
import { SquaredErrorCriterion } from '../tree/split-criteria.js';
import { cartOptions, rngFor, TREE_GROWTH_DEFAULTS } from '../tree/tree-params.js';
import { applyTree, type TreeStructure } from '../tree/tree-structure.js';
import { bootstrapWeights } from './bootstrap.js';
import { bootstrapSize, checkForest, type ForestParams } from './forest-params.js';
import { toFloat32Matrix } from '../core/float32.js';

export interface ForestRegressorState extends FittedState {
  trees: TreeStructure[];
}

const DEFAULTS: ForestParams = { ...TREE_GROWTH_DEFAULTS, nEstimators: 100, bootstrap: true, maxSamples: null };

/** Random forest of squared-error CART regressors; the prediction is the mean of the trees'. */
export class RandomForestRegressor extends RegressorModel<ForestParams, ForestRegressorState> {
  constructor(options?: Partial<ForestParams>) {
    super(withDefaults('RandomForestRegressor', DEFAULTS, options));
    checkForest('RandomForestRegressor', this.params);
  }

  get modelName(): string {
    return 'RandomForestRegressor';
  }

  static load(dump: ModelDump<ForestParams, ForestRegressorState> | string): RandomForestRegressor {
    return loadModel((p) => new RandomForestRegressor(p), dump);
  }

  fit(X: MatrixLike, y: ArrayLike<number>): this {
    const m = toFloat32Matrix(toMatrix(X));
    const target = toVector(y, m.rows);
    const rng = rngFor(this.params.randomState);
    const draws = bootstrapSize(this.params, m.rows);
    const trees: TreeStructure[] = [];
    for (let t = 0; t < this.params.nEstimators; t++) {
      const treeRng = new Rng(rng.childSeed());
      const weights = this.params.bootstrap ? bootstrapWeights(m.rows, draws, treeRng) : new Float64Array(m.rows).fill(1);
      trees.push(buildCart(m, weights, () => new SquaredErrorCriterion(target), cartOptions(this.modelName, this.params, m.cols, treeRng)));
    }
    this.fittedState = { nFeatures: m.cols, trees };
    return this;
  }

  get trees(): TreeStructure[] {
    return structuredClone(this.state('trees').trees);
  }

  protected predictFloat(X: MatrixLike): number[] {
    const { m: raw, state } = this.checkX(X, 'predict');
    const m = toFloat32Matrix(raw);
    return Array.from({ length: m.rows }, (_, i) => {
      const x = row(m, i);
      let s = 0;
      for (const tree of state.trees) s += (tree.value[applyTree(tree, x)] as number[])[0] as number;
      return s / state.trees.length;
    });
  }
}
