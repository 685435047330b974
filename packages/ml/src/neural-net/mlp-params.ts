import { InvalidParameterError } from '../core/errors.js';
import { requireInteger, requirePositive } from '../core/params.js';

export type MlpActivation = 'relu' | 'tanh' | 'logistic' | 'identity';

/** sklearn's MLPClassifier / MLPRegressor options (camelCased), solver 'adam'. */
export interface MlpParams {
  hiddenLayerSizes: number[];
  activation: MlpActivation;
  /** L2 penalty: the loss gets α/2·Σ‖W‖² divided by the batch size, as sklearn. */
  alpha: number;
  /** Rows per minibatch; 'auto' = min(200, n). */
  batchSize: number | 'auto';
  learningRateInit: number;
  /** Epochs. */
  maxIter: number;
  /** Training stops when the epoch loss fails to improve by tol for nIterNoChange epochs. */
  tol: number;
  nIterNoChange: number;
  shuffle: boolean;
  randomState: number | null;
  beta1: number;
  beta2: number;
  epsilon: number;
}

export const MLP_DEFAULTS: MlpParams = {
  hiddenLayerSizes: [100],
  activation: 'relu',
  alpha: 1e-4,
  batchSize: 'auto',
  learningRateInit: 1e-3,
  maxIter: 200,
  tol: 1e-4,
  nIterNoChange: 10,
  shuffle: true,
  randomState: null,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
};

export function checkMlp(model: string, p: MlpParams): void {
  if (!Array.isArray(p.hiddenLayerSizes) || p.hiddenLayerSizes.some((h) => !Number.isInteger(h) || h < 1)) {
    throw new InvalidParameterError(`${model}: hiddenLayerSizes must be positive integers, got ${JSON.stringify(p.hiddenLayerSizes)}`);
  }
  if (!['relu', 'tanh', 'logistic', 'identity'].includes(p.activation)) {
    throw new InvalidParameterError(`${model}: activation must be relu, tanh, logistic or identity, got ${String(p.activation)}`);
  }
  requirePositive(model, 'alpha', p.alpha, true);
  requirePositive(model, 'learningRateInit', p.learningRateInit);
  requireInteger(model, 'maxIter', p.maxIter, 1);
  requireInteger(model, 'nIterNoChange', p.nIterNoChange, 1);
  if (p.batchSize !== 'auto') requireInteger(model, 'batchSize', p.batchSize, 1);
}
