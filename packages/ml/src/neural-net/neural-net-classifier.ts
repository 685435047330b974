import { loadModel, type FittedState, type ModelDump } from '../core/base.js';
import { ProbabilisticClassifierModel } from '../core/estimators.js';
import { encodeLabels } from '../core/labels.js';
import { exp, max } from '../core/math.js';
import { row, toMatrix, type MatrixLike } from '../core/matrix.js';
import { withDefaults } from '../core/params.js';
import { rngFor } from '../tree/tree-params.js';
import { argmax } from '../tree/decision-tree-classifier.js';
import { mlpOutputs, type MlpWeights } from './mlp-forward.js';
import { checkMlp, MLP_DEFAULTS, resolveLayers, type MlpParams } from './mlp-params.js';
import { trainMlp } from './mlp-training.js';

export interface NeuralNetClassifierState extends FittedState, MlpWeights {
  classes: number[];
  lossCurve: number[];
}

/**
 * Multilayer perceptron classifier trained with TensorFlow.js (sklearn's MLPClassifier with
 * the adam solver): one sigmoid output for two classes, a softmax over K outputs otherwise.
 * Prediction runs in plain JavaScript from the stored weights.
 */
export class NeuralNetClassifier extends ProbabilisticClassifierModel<MlpParams, NeuralNetClassifierState> {
  constructor(options?: Partial<MlpParams>) {
    super(resolveLayers('NeuralNetClassifier', withDefaults('NeuralNetClassifier', MLP_DEFAULTS, options)));
    checkMlp('NeuralNetClassifier', this.params);
  }

  get modelName(): string {
    return 'NeuralNetClassifier';
  }

  static load(dump: ModelDump<MlpParams, NeuralNetClassifierState> | string): NeuralNetClassifier {
    return loadModel((p) => new NeuralNetClassifier(p), dump);
  }

  fit(X: MatrixLike, y: ArrayLike<number>): this {
    const m = toMatrix(X);
    const { classes, encoded } = encodeLabels(y, m.rows, this.modelName);
    const outputs = classes.length === 2 ? 1 : classes.length;
    const targets = new Float32Array(m.rows * outputs);
    encoded.forEach((c, i) => {
      if (outputs === 1) targets[i] = c;
      else targets[i * outputs + c] = 1;
    });
    const trained = trainMlp(m, targets, outputs, outputs === 1 ? 'sigmoid' : 'softmax', this.params, rngFor(this.params.randomState));
    this.fittedState = { nFeatures: m.cols, classes, weights: trained.weights, biases: trained.biases, lossCurve: trained.lossCurve };
    return this;
  }

  get classes(): number[] {
    return this.state('classes').classes.slice();
  }

  /** Training loss after each epoch. */
  get lossCurve(): number[] {
    return this.state('lossCurve').lossCurve.slice();
  }

  /** Trained layers as plain arrays (copies): weights[l] is fanIn × fanOut. */
  get layers(): MlpWeights {
    const s = this.state('layers');
    return structuredClone({ weights: s.weights, biases: s.biases });
  }

  protected predictProbaFloat(X: MatrixLike): number[][] {
    const { m, state } = this.checkX(X, 'predictProba');
    return Array.from({ length: m.rows }, (_, i) => {
      const z = mlpOutputs(state, this.params.activation, row(m, i));
      if (z.length === 1) {
        const p = 1 / (1 + exp(-(z[0] as number)));
        return [1 - p, p];
      }
      const top = max(...z);
      const e = z.map((v) => exp(v - top));
      const sum = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / sum);
    });
  }

  protected predictFloat(X: MatrixLike): number[] {
    const classes = this.state('predict').classes;
    return this.predictProba(X).map((p) => classes[argmax(p)] as number);
  }
}
