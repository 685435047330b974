import { loadModel, type FittedState, type ModelDump } from '../core/base.js';
import { RegressorModel } from '../core/estimators.js';
import { row, toMatrix, toVector, type MatrixLike } from '../core/matrix.js';
import { withDefaults } from '../core/params.js';
import { toFloat32Matrix } from '../core/float32.js';
import { applyTree, type TreeStructure } from '../tree/tree-structure.js';
import { buildBoostedTree, presortFeatures } from './boosted-tree-builder.js';
import { compactTree } from './tree-pruning.js';
import { checkXgb, treeOptions, XGB_DEFAULTS, type XGBParams } from './xgb-params.js';

export interface XGBRegressorState extends FittedState {
  baseMargin: number;
  trees: TreeStructure[];
}

/** Gradient-boosted trees for 'reg:squarederror' (g = ŷ − y, h = 1), as xgboost's XGBRegressor. */
export class XGBRegressor extends RegressorModel<XGBParams, XGBRegressorState> {
  constructor(options?: Partial<XGBParams>) {
    super(withDefaults('XGBRegressor', XGB_DEFAULTS, options));
    checkXgb('XGBRegressor', this.params);
  }

  get modelName(): string {
    return 'XGBRegressor';
  }

  static load(dump: ModelDump<XGBParams, XGBRegressorState> | string): XGBRegressor {
    return loadModel((p) => new XGBRegressor(p), dump);
  }

  fit(X: MatrixLike, y: ArrayLike<number>): this {
    const m = toFloat32Matrix(toMatrix(X));
    const target = toVector(y, m.rows);
    const sorted = presortFeatures(m);
    const prediction = new Float64Array(m.rows).fill(this.params.baseScore);
    const g = new Float64Array(m.rows);
    const h = new Float64Array(m.rows).fill(1);
    const trees: TreeStructure[] = [];
    for (let round = 0; round < this.params.nEstimators; round++) {
      for (let i = 0; i < m.rows; i++) g[i] = (prediction[i] as number) - (target[i] as number);
      const tree = compactTree(buildBoostedTree(m, sorted, g, h, treeOptions(this.params)));
      for (let i = 0; i < m.rows; i++) prediction[i] = (prediction[i] as number) + ((tree.value[applyTree(tree, row(m, i))] as number[])[0] as number);
      trees.push(tree);
    }
    this.fittedState = { nFeatures: m.cols, baseMargin: this.params.baseScore, trees };
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
      let s = state.baseMargin;
      for (const tree of state.trees) s += (tree.value[applyTree(tree, x)] as number[])[0] as number;
      return s;
    });
  }
}
