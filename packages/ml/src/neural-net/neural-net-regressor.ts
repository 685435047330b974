import { loadModel, type FittedState, type ModelDump } from '../core/base.js';
import { RegressorModel } from '../core/estimators.js';
import { row, toMatrix, toVector, type MatrixLike } from '../core/matrix.js';
import { withDefaults } from '../core/params.js';
import { rngFor } from '../tree/tree-params.js';
import { mlpOutputs, type MlpWeights } from './mlp-forward.js';
import { checkMlp, MLP_DEFAULTS, resolveLayers, type MlpParams } from './mlp-params.js';
import { trainMlp } from './mlp-training.js';

export interface NeuralNetRegressorState extends FittedState, MlpWeights {
  lossCurve: number[];
}

/** Multilayer perceptron regressor (sklearn's MLPRegressor, adam, half squared error) trained with TensorFlow.js. */
export class NeuralNetRegressor extends RegressorModel<MlpParams, NeuralNetRegressorState> {
  constructor(options?: Partial<MlpParams>) {
    super(resolveLayers('NeuralNetRegressor', withDefaults('NeuralNetRegressor', MLP_DEFAULTS, options)));
    checkMlp('NeuralNetRegressor', this.params);
  }

  get modelName(): string {
    return 'NeuralNetRegressor';
  }

  static load(dump: ModelDump<MlpParams, NeuralNetRegressorState> | string): NeuralNetRegressor {
    return loadModel((p) => new NeuralNetRegressor(p), dump);
  }

  fit(X: MatrixLike, y: ArrayLike<number>): this {
    const m = toMatrix(X);
    const targets = Float32Array.from(toVector(y, m.rows));
    const trained = trainMlp(m, targets, 1, 'identity', this.params, rngFor(this.params.randomState));
    this.fittedState = { nFeatures: m.cols, weights: trained.weights, biases: trained.biases, lossCurve: trained.lossCurve };
    return this;
  }

  get lossCurve(): number[] {
    return this.state('lossCurve').lossCurve.slice();
  }

  get layers(): MlpWeights {
    const s = this.state('layers');
    return structuredClone({ weights: s.weights, biases: s.biases });
  }

  protected predictFloat(X: MatrixLike): number[] {
    const { m, state } = this.checkX(X, 'predict');
    return Array.from({ length: m.rows }, (_, i) => mlpOutputs(state, this.params.activation, row(m, i))[0] as number);
  }
}
