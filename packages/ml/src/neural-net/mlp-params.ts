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
  /** FHE (Concrete ML's module__n_w_bits): bits of the symmetric per-output-channel weights. */
  nWBits: number;
  /** FHE (module__n_a_bits): bits of the inputs (per feature) and of each hidden activation (per layer). */
  nABits: number;
  /** FHE (module__n_accum_bits): bits each activation lookup reads; wider accumulators are rounded to this many bits. */
  nAccumBits: number;
  /** Concrete ML's module__n_layers: dense layers, hidden plus output; null = hiddenLayerSizes.length + 1. */
  moduleNLayers: number | null;
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
  nWBits: 4,
  nABits: 4,
  nAccumBits: 5,
  moduleNLayers: null,
};

/**
 * Applies moduleNLayers to hiddenLayerSizes: a single width repeats over the moduleNLayers − 1
 * hidden layers; a list must already have that length.
 */
export function resolveLayers(model: string, p: MlpParams): MlpParams {
  if (p.moduleNLayers === null || !Array.isArray(p.hiddenLayerSizes)) return p;
  requireInteger(model, 'moduleNLayers', p.moduleNLayers, 2);
  const hidden = p.moduleNLayers - 1;
  if (p.hiddenLayerSizes.length === hidden) return p;
  if (p.hiddenLayerSizes.length !== 1) {
    throw new InvalidParameterError(`${model}: moduleNLayers = ${p.moduleNLayers} means ${hidden} hidden layers but hiddenLayerSizes has ${p.hiddenLayerSizes.length}`);
  }
  return { ...p, hiddenLayerSizes: new Array<number>(hidden).fill(p.hiddenLayerSizes[0] as number) };
}

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
  requireInteger(model, 'nWBits', p.nWBits, 2);
  requireInteger(model, 'nABits', p.nABits, 1);
  requireInteger(model, 'nAccumBits', p.nAccumBits, 1);
  if (p.nWBits > 8 || p.nABits > 8 || p.nAccumBits > 16) {
    throw new InvalidParameterError(`${model}: nWBits and nABits must be at most 8 and nAccumBits at most 16`);
  }
}
