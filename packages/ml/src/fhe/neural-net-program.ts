import type { CompilationConfig } from '@cml/compiler';
import type { ModelDump } from '../core/base.js';
import type { MlpWeights } from '../neural-net/mlp-forward.js';
import type { MlpParams } from '../neural-net/mlp-params.js';
import { quantizeDenseNetwork, type QuantizedNetwork } from '../quantized-nn/quantize-network.js';
import type { QuantizedModelSpec } from './client-spec.js';

export interface QuantizedNeuralNet {
  readonly spec: QuantizedModelSpec;
  readonly network: QuantizedNetwork;
  /** 'approximate' when some layer rounds its accumulators (the lookups only need nAccumBits of noise margin). */
  readonly rounding: NonNullable<CompilationConfig['rounding']>;
}

/** Is this dump one of the built-in MLPs? */
export function isNeuralNet(dump: ModelDump): boolean {
  return dump.model === 'NeuralNetClassifier' || dump.model === 'NeuralNetRegressor';
}

/**
 * The built-in MLP as Concrete ML runs it: every hidden layer encrypted (clear-weight matmul,
 * then one lookup per neuron holding rounding, bias, activation and requantization), the
 * output layer's integer sums decrypted and dequantized into logits (sigmoid / softmax on the
 * client) or the regression value.
 */
export function quantizeNeuralNet(dump: ModelDump, X: readonly (readonly number[])[]): QuantizedNeuralNet {
  const params = dump.params as MlpParams;
  const state = dump.state as MlpWeights & { nFeatures: number; classes?: number[] };
  const last = state.weights.length - 1;
  const layers = state.weights.map((weights, l) => ({
    weights,
    biases: state.biases[l] as number[],
    activation: l < last ? params.activation : ('identity' as const),
  }));
  const network = quantizeDenseNetwork(layers, X, { nWBits: params.nWBits, nABits: params.nABits, nAccumBits: params.nAccumBits });
  const outputs = network.program.outputCount;
  const spec: QuantizedModelSpec = {
    modelName: dump.model,
    nFeatures: state.nFeatures,
    input: network.input.params,
    outputCount: outputs,
    scores: { terms: Array.from({ length: outputs }, (_, k) => [k]), scale: network.scale, offset: network.offset },
    head: state.classes === undefined ? { kind: 'regressor', link: 'identity' } : { kind: 'neural-classifier', classes: state.classes },
  };
  const rounded = network.layers.some((layer) => layer.params.lsbsToRemove > 0);
  return { spec, network, rounding: rounded ? 'approximate' : 'exact' };
}
