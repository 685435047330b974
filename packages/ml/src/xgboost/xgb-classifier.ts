import { loadModel, type FittedState, type ModelDump } from '../core/base.js';
import { ProbabilisticClassifierModel } from '../core/estimators.js';
import { InvalidParameterError } from '../core/errors.js';
import { encodeLabels } from '../core/labels.js';
import { row, toMatrix, type MatrixLike } from '../core/matrix.js';
import { withDefaults } from '../core/params.js';
import { toFloat32Matrix } from '../core/float32.js';
import { argmax } from '../tree/decision-tree-classifier.js';
import { applyTree, type TreeStructure } from '../tree/tree-structure.js';
import { buildBoostedTree, presortFeatures } from './boosted-tree-builder.js';
import { compactTree } from './tree-pruning.js';
import { checkXgb, treeOptions, XGB_DEFAULTS, type XGBParams } from './xgb-params.js';
import { exp, log, max } from '../core/math.js';
import type { ClearModeOptions, ExecuteModeOptions, PredictOptions } from '../fhe/fhe-model.js';

export interface XGBClassifierState extends FittedState {
  classes: number[];
  /** Margin every sample starts from, per output (1 for binary, K for multiclass). */
  baseMargin: number[];
  /** trees[round][output]. */
  trees: TreeStructure[][];
}

const HESSIAN_FLOOR = 1e-16;

function sigmoid(z: number): number {
  return 1 / (1 + exp(-z));
}

function softmaxInPlace(z: number[]): number[] {
  const m = max(...z);
  let s = 0;
  for (let k = 0; k < z.length; k++) {
    z[k] = exp((z[k] as number) - m);
    s += z[k] as number;
  }
  for (let k = 0; k < z.length; k++) z[k] = (z[k] as number) / s;
  return z;
}

/**
 * Gradient-boosted trees for classification, as xgboost's XGBClassifier: 'binary:logistic'
 * for two classes (g = p − y, h = p(1 − p)), 'multi:softprob' otherwise (one tree per class
 * and round, g = p_k − [y = k], h = 2p_k(1 − p_k)). Margins start at logit(baseScore) for
 * the logistic objective and at baseScore for softmax, as xgboost 1.x.
 */
export class XGBClassifier extends ProbabilisticClassifierModel<XGBParams, XGBClassifierState> {
  constructor(options?: Partial<XGBParams>) {
    super(withDefaults('XGBClassifier', XGB_DEFAULTS, options));
    checkXgb('XGBClassifier', this.params);
  }

  get modelName(): string {
    return 'XGBClassifier';
  }

  static load(dump: ModelDump<XGBParams, XGBClassifierState> | string): XGBClassifier {
    return loadModel((p) => new XGBClassifier(p), dump);
  }

  fit(X: MatrixLike, y: ArrayLike<number>): this {
    const m = toFloat32Matrix(toMatrix(X));
    const { classes, encoded } = encodeLabels(y, m.rows, this.modelName);
    const outputs = classes.length === 2 ? 1 : classes.length;
    const { baseScore } = this.params;
    if (outputs === 1 && !(baseScore > 0 && baseScore < 1)) {
      throw new InvalidParameterError(`XGBClassifier: baseScore must be a probability in (0, 1), got ${baseScore}`);
    }
    const baseMargin = new Array<number>(outputs).fill(outputs === 1 ? log(baseScore / (1 - baseScore)) : baseScore);
    const sorted = presortFeatures(m);
    const margins = Array.from({ length: outputs }, (_, k) => new Float64Array(m.rows).fill(baseMargin[k] as number));
    const g = new Float64Array(m.rows);
    const h = new Float64Array(m.rows);
    const options = treeOptions(this.params);
    const trees: TreeStructure[][] = [];
    for (let round = 0; round < this.params.nEstimators; round++) {
      const probabilities = this.probabilitiesFromMargins(margins, m.rows);
      const roundTrees: TreeStructure[] = [];
      for (let k = 0; k < outputs; k++) {
        const target = outputs === 1 ? 1 : k;
        const pk = probabilities[k] as Float64Array;
        for (let i = 0; i < m.rows; i++) {
          const p = pk[i] as number;
          g[i] = p - (encoded[i] === target ? 1 : 0);
          h[i] = max((outputs === 1 ? 1 : 2) * p * (1 - p), HESSIAN_FLOOR);
        }
        const tree = compactTree(buildBoostedTree(m, sorted, g, h, options));
        roundTrees.push(tree);
      }
      // Margins move only after all of a round's trees are built from the same probabilities.
      roundTrees.forEach((tree, k) => {
        const mk = margins[k] as Float64Array;
        for (let i = 0; i < m.rows; i++) mk[i] = (mk[i] as number) + ((tree.value[applyTree(tree, row(m, i))] as number[])[0] as number);
      });
      trees.push(roundTrees);
    }
    this.fittedState = { nFeatures: m.cols, classes, baseMargin, trees };
    return this;
  }

  private probabilitiesFromMargins(margins: Float64Array[], n: number): Float64Array[] {
    if (margins.length === 1) return [(margins[0] as Float64Array).map(sigmoid)];
    const out = margins.map(() => new Float64Array(n));
    for (let i = 0; i < n; i++) {
      const p = softmaxInPlace(margins.map((mk) => mk[i] as number));
      p.forEach((v, k) => ((out[k] as Float64Array)[i] = v));
    }
    return out;
  }

  get classes(): number[] {
    return this.state('classes').classes.slice();
  }

  /** Fitted trees, trees[round][output], as plain data (copies). */
  get trees(): TreeStructure[][] {
    return structuredClone(this.state('trees').trees);
  }

  /** Raw margins (sum of leaf values plus the base margin): one per sample, or K per sample. */
  decisionFunction(X: MatrixLike, options?: ClearModeOptions): number[] | number[][];
  decisionFunction(X: MatrixLike, options: ExecuteModeOptions): Promise<number[] | number[][]>;
  decisionFunction(X: MatrixLike, options: PredictOptions): number[] | number[][] | Promise<number[] | number[][]>;
  decisionFunction(X: MatrixLike, options?: PredictOptions): number[] | number[][] | Promise<number[] | number[][]> {
    return this.withFhe('decisionFunction', X, options, () => this.decisionFunctionFloat(X));
  }

  private decisionFunctionFloat(X: MatrixLike): number[] | number[][] {
    const margins = this.margins(X, 'decisionFunction');
    return margins[0]?.length === 1 ? margins.map((z) => z[0] as number) : margins;
  }

  private margins(X: MatrixLike, method: string): number[][] {
    const { m: raw, state } = this.checkX(X, method);
    const m = toFloat32Matrix(raw);
    return Array.from({ length: m.rows }, (_, i) => {
      const x = row(m, i);
      const z = state.baseMargin.slice();
      for (const round of state.trees) {
        round.forEach((tree, k) => (z[k] = (z[k] as number) + ((tree.value[applyTree(tree, x)] as number[])[0] as number)));
      }
      return z;
    });
  }

  protected predictProbaFloat(X: MatrixLike): number[][] {
    return this.margins(X, 'predictProba').map((z) => {
      if (z.length === 1) {
        const p = sigmoid(z[0] as number);
        return [1 - p, p];
      }
      return softmaxInPlace(z);
    });
  }

  protected predictFloat(X: MatrixLike): number[] {
    const classes = this.state('predict').classes;
    return this.predictProba(X).map((p) => classes[argmax(p)] as number);
  }
}
