import { loadModel, type FittedState, type ModelDump } from '../core/base.js';
import { RegressorModel } from '../core/estimators.js';
import { row, toMatrix, toVector, type MatrixLike } from '../core/matrix.js';
import { withDefaults } from '../core/params.js';
import { buildCart, checkedWeights } from './cart-builder.js';
import { SquaredErrorCriterion } from './split-criteria.js';
import { cartOptions, checkTreeGrowth, rngFor, TREE_GROWTH_DEFAULTS, type TreeGrowthParams } from './tree-params.js';
import { applyTree, type TreeStructure } from './tree-structure.js';
import { toFloat32Matrix } from '../core/float32.js';

export interface TreeRegressorState extends FittedState {
  tree: TreeStructure;
}

/** CART regression tree with the squared-error criterion (sklearn's DecisionTreeRegressor). */
export class DecisionTreeRegressor extends RegressorModel<TreeGrowthParams, TreeRegressorState> {
  constructor(options?: Partial<TreeGrowthParams>) {
    super(withDefaults('DecisionTreeRegressor', TREE_GROWTH_DEFAULTS, options));
    checkTreeGrowth('DecisionTreeRegressor', this.params);
  }

  get modelName(): string {
    return 'DecisionTreeRegressor';
  }

  static load(dump: ModelDump<TreeGrowthParams, TreeRegressorState> | string): DecisionTreeRegressor {
    return loadModel((p) => new DecisionTreeRegressor(p), dump);
  }

  fit(X: MatrixLike, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): this {
    const m = toFloat32Matrix(toMatrix(X));
    const target = toVector(y, m.rows);
    const weights = sampleWeight ? checkedWeights(sampleWeight, m.rows) : new Float64Array(m.rows).fill(1);
    const options = cartOptions(this.modelName, this.params, m.cols, rngFor(this.params.randomState));
    this.fittedState = { nFeatures: m.cols, tree: buildCart(m, weights, () => new SquaredErrorCriterion(target), options) };
    return this;
  }

  get tree(): TreeStructure {
    return structuredClone(this.state('tree').tree);
  }

  protected predictFloat(X: MatrixLike): number[] {
    const { m: raw, state } = this.checkX(X, 'predict');
    const m = toFloat32Matrix(raw);
    return Array.from({ length: m.rows }, (_, i) => (state.tree.value[applyTree(state.tree, row(m, i))] as number[])[0] as number);
  }

  apply(X: MatrixLike): number[] {
    const { m: raw, state } = this.checkX(X, 'apply');
    const m = toFloat32Matrix(raw);
    return Array.from({ length: m.rows }, (_, i) => applyTree(state.tree, row(m, i)));
  }
}
