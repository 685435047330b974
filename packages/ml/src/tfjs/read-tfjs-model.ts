import type * as tf from '@tensorflow/tfjs';
import { UnsupportedLayerError } from './errors.js';
import type { ActivationName, FloatLayer, FloatNetwork } from './float-layers.js';

type Config = Record<string, unknown>;
type Layer = tf.layers.Layer;

const ACTIVATIONS: readonly string[] = ['relu', 'sigmoid', 'tanh', 'linear', 'softmax'];

function pair(value: unknown, fallback: number): [number, number] {
  if (value === undefined || value === null) return [fallback, fallback];
  if (typeof value === 'number') return [value, value];
  const [a, b] = value as number[];
  return [a ?? fallback, b ?? a ?? fallback];
}

function activationOf(layer: Layer, value: unknown): ActivationName {
  const name = typeof value === 'string' ? value : 'linear';
  if (!ACTIVATIONS.includes(name)) {
    throw new UnsupportedLayerError(layer.name, layer.getClassName(), `activation '${name}' is not supported`);
  }
  return name as ActivationName;
}

function values(t: tf.Tensor): number[] {
  return Array.from(t.dataSync());
}

function requireChannelsLast(layer: Layer, config: Config): void {
  if (config['dataFormat'] !== undefined && config['dataFormat'] !== 'channelsLast') {
    throw new UnsupportedLayerError(layer.name, layer.getClassName(), `dataFormat '${String(config['dataFormat'])}' is not supported (channelsLast only)`);
  }
}

function padding(layer: Layer, config: Config): 'valid' | 'same' {
  const p = config['padding'] ?? 'valid';
  if (p !== 'valid' && p !== 'same') throw new UnsupportedLayerError(layer.name, layer.getClassName(), `padding '${String(p)}' is not supported`);
  return p;
}

/** The float steps of one layer (an activation on a Dense/Conv2D layer is a step of its own). */
function stepsOf(layer: Layer, inputRank: number): FloatLayer[] {
  const config = layer.getConfig() as Config;
  const name = layer.name;
  const cls = layer.getClassName();
  const weights = layer.getWeights();
  const withActivation = (step: FloatLayer): FloatLayer[] => {
    const fn = activationOf(layer, config['activation']);
    return fn === 'linear' ? [step] : [step, { kind: 'activation', name, fn }];
  };
  switch (cls) {
    case 'InputLayer':
    case 'Dropout':
      return [];
    case 'Dense': {
      if (inputRank !== 1) throw new UnsupportedLayerError(name, cls, `Dense on a rank-${inputRank} input is not supported (add a Flatten first)`);
      const [kernel, bias] = weights;
      if (!kernel) throw new UnsupportedLayerError(name, cls, 'the layer has no weights (build the model first)');
      const units = config['units'] as number;
      return withActivation({ kind: 'dense', name, kernel: kernel.arraySync() as number[][], bias: bias ? values(bias) : new Array<number>(units).fill(0) });
    }
    case 'Conv2D': {
      requireChannelsLast(layer, config);
      const dilation = pair(config['dilationRate'], 1);
      if (dilation[0] !== 1 || dilation[1] !== 1) throw new UnsupportedLayerError(name, cls, `dilationRate ${JSON.stringify(config['dilationRate'])} is not supported`);
      if ((config['groups'] ?? 1) !== 1) throw new UnsupportedLayerError(name, cls, 'grouped convolutions are not supported');
      const [kernel, bias] = weights;
      if (!kernel) throw new UnsupportedLayerError(name, cls, 'the layer has no weights (build the model first)');
      const filters = config['filters'] as number;
      return withActivation({
        kind: 'conv2d',
        name,
        kernel: kernel.arraySync() as number[][][][],
        bias: bias ? values(bias) : new Array<number>(filters).fill(0),
        strides: pair(config['strides'], 1),
        padding: padding(layer, config),
      });
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      requireChannelsLast(layer, config);
      const poolSize = pair(config['poolSize'], 2);
      return [
        {
          kind: 'pool',
          name,
          op: cls === 'MaxPooling2D' ? 'max' : 'avg',
          poolSize,
          strides: config['strides'] === null || config['strides'] === undefined ? poolSize : pair(config['strides'], 1),
          padding: padding(layer, config),
        },
      ];
    }
    case 'Flatten':
      return [{ kind: 'reshape', name, shape: [-1] }];
    case 'Reshape':
      return [{ kind: 'reshape', name, shape: config['targetShape'] as number[] }];
    case 'Activation':
      return [{ kind: 'activation', name, fn: activationOf(layer, config['activation']) }];
    case 'Softmax':
      if (config['axis'] !== undefined && config['axis'] !== -1) throw new UnsupportedLayerError(name, cls, 'softmax over an axis other than the last');
      return [{ kind: 'activation', name, fn: 'softmax' }];
    case 'ReLU': {
      if ((config['negativeSlope'] ?? 0) !== 0 || (config['threshold'] ?? 0) !== 0) {
        throw new UnsupportedLayerError(name, cls, 'negativeSlope and threshold are not supported');
      }
      const maxValue = config['maxValue'];
      return [typeof maxValue === 'number' ? { kind: 'activation', name, fn: 'relu', maxValue } : { kind: 'activation', name, fn: 'relu' }];
    }
    case 'BatchNormalization': {
      const axis = config['axis'];
      if (axis !== -1 && axis !== inputRank) throw new UnsupportedLayerError(name, cls, `normalization over axis ${JSON.stringify(axis)} (the last axis only)`);
      const list = weights.map(values);
      const gamma = config['scale'] === false ? undefined : list.shift();
      const beta = config['center'] === false ? undefined : list.shift();
      const [mean, variance] = list;
      if (!mean || !variance) throw new UnsupportedLayerError(name, cls, 'the layer has no moving statistics');
      const eps = (config['epsilon'] as number | undefined) ?? 1e-3;
      const scale = mean.map((_, c) => (gamma?.[c] ?? 1) / Math.sqrt((variance[c] as number) + eps));
      return [{ kind: 'affine', name, scale, shift: mean.map((m, c) => (beta?.[c] ?? 0) - (scale[c] as number) * m) }];
    }
    default:
      throw new UnsupportedLayerError(name, cls, 'this layer class is not supported');
  }
}

/** Shape after a reshape step (one -1 entry is inferred). */
export function reshapeTarget(from: readonly number[], to: readonly number[]): number[] {
  const size = from.reduce((a, b) => a * b, 1);
  const known = to.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  return to.map((d) => (d === -1 ? size / known : d));
}

/**
 * Reads a tf.Sequential or functional tf.LayersModel whose layers form a single chain
 * (one input, one output, each layer reading the previous one) into float steps.
 */
export function readTfjsModel(model: tf.LayersModel): FloatNetwork {
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    throw new UnsupportedLayerError(model.name, model.getClassName(), `a model with ${model.inputs.length} inputs and ${model.outputs.length} outputs is not supported (one each)`);
  }
  const inputShape = (model.inputs[0]?.shape ?? []).slice(1);
  if (inputShape.some((d) => d === null)) {
    throw new UnsupportedLayerError(model.name, model.getClassName(), `input shape ${JSON.stringify(inputShape)} must be fully known`);
  }
  const layers: FloatLayer[] = [];
  let shape = inputShape as number[];
  let previous: Layer | undefined;
  for (const layer of model.layers) {
    const inbound = layer.inboundNodes.flatMap((n) => n.inboundLayers);
    if (layer.getClassName() !== 'InputLayer' && previous !== undefined && (inbound.length !== 1 || inbound[0] !== previous)) {
      throw new UnsupportedLayerError(layer.name, layer.getClassName(), `it reads ${inbound.map((l) => `'${l.name}'`).join(', ') || 'nothing'}, not only the previous layer: branches and merges are not supported`);
    }
    const steps = stepsOf(layer, shape.length);
    layers.push(...steps);
    const out = layer.outputShape as (number | null)[];
    shape = out.slice(1) as number[];
    previous = layer;
  }
  return { inputShape: inputShape as number[], layers };
}
