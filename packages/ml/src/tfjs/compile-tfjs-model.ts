import type { CompilationConfig } from '@cml/compiler';
import type { Tracer } from '@cml/tracer';
import type * as tf from '@tensorflow/tfjs';
import { InvalidInputError, InvalidParameterError } from '../core/errors.js';
import type { QuantizedModelSpec } from '../fhe/client-spec.js';
import { FheModel } from '../fhe/fhe-model.js';
import type { IntegerProgram } from '../fhe/integer-program.js';
import { firstLayerExtremes } from './first-layer-extremes.js';
import { foldBatchNorm } from './fold-batch-norm.js';
import { evaluateIntegerNetwork } from './integer-network.js';
import { quantizeNetwork, type QuantizedNetwork } from './quantize-network.js';
import { readTfjsModel } from './read-tfjs-model.js';
import { traceIntegerNetwork } from './trace-integer-network.js';

/** Quantization knobs on top of the compiler's options (pError, globalPError, rounding, ...). */
export interface TfjsCompileOptions extends CompilationConfig {
  /** Bits of the input quantizer, and default of nWBits and nABits. */
  readonly nBits: number;
  /** Bits of the symmetric per-output-channel weight quantizers. Default nBits. */
  readonly nWBits?: number;
  /** Bits of the activation quantizers (every lookup's output). Default nBits. */
  readonly nABits?: number;
  /**
   * Accumulators wider than this are rounded before their lookup (Concrete ML's rounding
   * threshold): cheaper lookups for a small loss. Default: no rounding. With it, the compiler's
   * `rounding` defaults to 'approximate'.
   */
  readonly nAccumBits?: number;
  /** Image inputs: one input quantizer per channel (last axis) rather than per tensor. Default false. */
  readonly inputPerChannel?: boolean;
}

/** Samples as a tensor (first axis = samples) or as arrays, flat or nested (channels last). */
export type TfjsSamples = tf.Tensor | readonly (readonly unknown[])[];

/** Flattens samples into rows of `features` numbers (channels-last order), checking counts and finiteness. */
export function flattenSamples(samples: TfjsSamples, features: number, what = 'inputset'): number[][] {
  const nested = Array.isArray(samples) ? samples : ((samples as tf.Tensor).arraySync() as unknown[][]);
  return nested.map((sample, i) => {
    const flat = (sample as unknown[]).flat(Infinity) as number[];
    if (flat.length !== features) throw new InvalidInputError(`${what}: sample ${i} has ${flat.length} values, the model takes ${features}`);
    if (flat.some((v) => typeof v !== 'number' || !Number.isFinite(v))) throw new InvalidInputError(`${what}: sample ${i} holds a non-finite value`);
    return flat;
  });
}

function checkBits(name: string, bits: number | undefined, min: number): void {
  if (bits !== undefined && (!Number.isInteger(bits) || bits < min || bits > 16)) {
    throw new InvalidParameterError(`${name} must be an integer in [${min}, 16], got ${bits}`);
  }
}

/** The quantized network as the encrypted integer program (flat quantized input, flat integer outputs). */
export function integerProgramOf(network: QuantizedNetwork): IntegerProgram {
  return {
    outputCount: network.outputScale.length,
    trace: (x: Tracer) => traceIntegerNetwork(network.ops, network.inputShape, x),
    evaluate: (q) => evaluateIntegerNetwork(network.ops, [q.length], q),
    extremes: firstLayerExtremes(network),
  };
}

/**
 * Compiles a TensorFlow.js model (tf.Sequential or a functional LayersModel forming one chain)
 * to FHE, Concrete ML's compile_torch_model for tfjs: the float layers are read (BatchNorm
 * folded, Dropout dropped), quantized post-training on `inputset` (inputs per tensor or per
 * channel, weights per output channel symmetric, activations per tensor), traced as an integer
 * graph (linear layers on encrypted integers, one table lookup per activation value) and
 * compiled. Predictions take flat channels-last rows; a final softmax or single sigmoid runs
 * on the client after decryption.
 */
export function compileTfjsModel(model: tf.LayersModel, inputset: TfjsSamples, options: TfjsCompileOptions): FheModel {
  const { nBits, nWBits = nBits, nABits = nBits, nAccumBits, inputPerChannel = false, ...config } = options;
  checkBits('nBits', nBits, 1);
  checkBits('nWBits', nWBits, 2);
  checkBits('nABits', nABits, 1);
  checkBits('nAccumBits', nAccumBits, 1);
  const network = foldBatchNorm(readTfjsModel(model));
  const features = network.inputShape.reduce((a, b) => a * b, 1);
  const rows = flattenSamples(inputset, features);
  if (rows.length === 0) throw new InvalidInputError('inputset: at least one sample is needed to calibrate the quantizers');
  const quantized = quantizeNetwork(network, rows, { nBits, nWBits, nABits, nAccumBits, inputPerChannel });
  const outputs = quantized.outputScale.length;
  const spec: QuantizedModelSpec = {
    modelName: `tfjs model '${model.name}'`,
    nFeatures: features,
    input: quantized.input.params,
    outputCount: outputs,
    scores: { terms: Array.from({ length: outputs }, (_, k) => [k]), scale: [...quantized.outputScale], offset: [...quantized.outputOffset] },
    head: quantized.head,
  };
  const compilerConfig: CompilationConfig = { ...config, rounding: config.rounding ?? (nAccumBits === undefined ? 'exact' : 'approximate') };
  return FheModel.compile(spec, integerProgramOf(quantized), rows.map((x) => quantized.input.quantizeRow(x)), compilerConfig);
}
