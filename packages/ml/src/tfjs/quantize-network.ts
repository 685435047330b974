import type { FheHead } from '../fhe/client-spec.js';
import { quantizeChannelWeights } from '../quantized-nn/weight-quantizer.js';
import { bitsOfSpan } from '../quantized-nn/rounding.js';
import { UniformQuantizer } from '../quantization/uniform-quantizer.js';
import { UnsupportedLayerError } from './errors.js';
import type { FloatLayer, FloatNetwork } from './float-layers.js';
import { applyIntegerOp, lookupFloat, type IntegerOp, type LookupStep, type ShapedOp } from './integer-network.js';
import { conv2dNhwc, pool2dNhwc, windowOutputShape, windowPads } from './nhwc-kernels.js';
import { reshapeTarget } from './read-tfjs-model.js';

export interface NetworkQuantization {
  /** Bits of the input quantizer. */
  readonly nBits: number;
  /** Bits of the symmetric per-output-channel weight quantizers. */
  readonly nWBits: number;
  /** Bits of the per-tensor activation quantizers (the output of every lookup). */
  readonly nABits: number;
  /** Lookup precision: every lookup drops circuitBits − nAccumBits low bits of its accumulator. */
  readonly nAccumBits: number | undefined;
  /** The circuit's message width P (widest looked-up or returned integer window), measured by a first pass. */
  readonly circuitBits?: number;
  /** Input quantizer per channel (last axis) instead of per tensor. */
  readonly inputPerChannel: boolean;
}

export interface QuantizedNetwork {
  readonly inputShape: readonly number[];
  readonly input: UniformQuantizer;
  readonly ops: readonly ShapedOp[];
  /** Output k dequantizes to scale[k] · o_k + offset[k]. */
  readonly outputScale: readonly number[];
  readonly outputOffset: readonly number[];
  readonly head: FheHead;
  /** Bits of the widest integer window looked up or returned (returned values count their sign bit). */
  readonly widestWindow: number;
}

/**
 * The quantized network under construction: the current integer tensor v of each calibration
 * sample and how it maps back to floats, y = steps(scale ⊙ v + offset) per element. `narrow`
 * says v is an activation or input quantized to a few bits (a linear layer may read it);
 * otherwise it is an accumulator that a lookup must requantize first.
 */
interface State {
  shape: number[];
  scale: number[];
  offset: number[];
  steps: LookupStep[];
  narrow: boolean;
  samples: number[][];
}

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

function channelsOf(state: State): number {
  return state.shape.length >= 2 ? (state.shape[state.shape.length - 1] as number) : state.scale.length;
}

/** Per-channel scale of a spatial tensor (a convolution shares weights across positions, so its input scale must too). */
const LAYER_CLASSES: Record<FloatLayer['kind'], string> = {
  dense: 'Dense',
  conv2d: 'Conv2D',
  pool: 'pooling',
  reshape: 'Reshape',
  activation: 'Activation',
  affine: 'BatchNormalization',
};

function channelScales(state: State, layer: FloatLayer): number[] {
  const channels = channelsOf(state);
  const scales = state.scale.slice(0, channels);
  if (state.scale.some((s, e) => s !== scales[e % channels])) {
    throw new UnsupportedLayerError(layer.name, LAYER_CLASSES[layer.kind], 'its input has per-position scales (a convolution needs one scale per channel)');
  }
  return scales;
}

/** One output channel's weights (input scales folded in), symmetric: real ≈ scale · q. */
function symmetricWeights(row: readonly number[], nWBits: number): { scale: number; q: number[] } {
  const { weights, scale } = quantizeChannelWeights([row], nWBits);
  return { scale: scale[0] as number, q: weights[0] as number[] };
}

class NetworkQuantizer {
  readonly ops: ShapedOp[] = [];
  /** Bits of the widest window looked up or returned so far. */
  widest = 1;

  constructor(
    private state: State,
    private readonly options: NetworkQuantization,
  ) {}

  private push(op: IntegerOp, shape: number[]): void {
    const inShape = this.state.shape;
    this.state.samples = this.state.samples.map((v) => applyIntegerOp(op, v, inShape));
    this.ops.push({ op, shape });
    this.state.shape = shape;
  }

  /** A table lookup: the pending float steps, then the activation quantizer calibrated on what the samples reach. */
  materialize(): void {
    const { scale, offset, steps, samples } = this.state;
    this.widest = Math.max(this.widest, this.windowBits());
    // One message width P per circuit: every lookup must drop l = P − nAccumBits bits to get
    // nAccumBits-bit parameters (the compiler's 'approximate' rounding).
    const roundBits = this.roundBits();
    const probe = { kind: 'lookup' as const, roundBits, scale, offset, steps, quantizer: { scale: 1, zeroPoint: 0, qMin: 0, qMax: 0 } };
    const floats = samples.flatMap((v) => v.map((x, e) => lookupFloat(probe, e, x)));
    const calibrated = UniformQuantizer.calibrate([floats], this.options.nABits, false);
    const quantizer = { scale: calibrated.params.scale[0] as number, zeroPoint: calibrated.params.zeroPoint[0] as number, qMin: calibrated.qMin, qMax: calibrated.qMax };
    this.push({ ...probe, quantizer }, this.state.shape);
    const n = size(this.state.shape);
    this.state = { ...this.state, scale: new Array<number>(n).fill(quantizer.scale), offset: new Array<number>(n).fill(0), steps: [], narrow: true };
  }

  /** l = P − nAccumBits: every lookup's rounding (one message width P per circuit). */
  private roundBits(): number {
    return this.options.nAccumBits === undefined ? 0 : Math.max(0, (this.options.circuitBits ?? 0) - this.options.nAccumBits);
  }

  /** Bits of the current integers' window (across all elements). */
  private windowBits(): number {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of this.state.samples) {
      for (const x of v) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
    }
    return bitsOfSpan(hi - lo);
  }

  /**
   * Whether a max pooling can run on accumulators, before the pending steps: these must be
   * non-decreasing (relu, sigmoid, tanh, affine maps with non-negative scales) with a positive
   * scale, and identical at every position of a channel (so one window shares one function).
   */
  private poolsBeforeActivation(): boolean {
    const { scale, offset, steps, narrow } = this.state;
    // narrow values would lose their few bits to the rounding: they are compared exactly instead
    if (narrow) return false;
    const channels = channelsOf(this.state);
    const uniform = (values: readonly number[]) => values.every((v, e) => v === values[e % channels]);
    return (
      scale.every((s) => s > 0) &&
      uniform(scale) &&
      uniform(offset) &&
      steps.every((step) => step.kind === 'activation' || (step.scale.every((a) => a >= 0) && uniform(step.scale) && uniform(step.shift)))
    );
  }

  /** Linear layers and poolings read narrow integers with no pending float step. */
  private requireNarrow(): void {
    if (!this.state.narrow || this.state.steps.length > 0) this.materialize();
  }

  dense(layer: Extract<FloatLayer, { kind: 'dense' }>): void {
    this.requireNarrow();
    const { scale, offset } = this.state;
    const units = layer.bias.length;
    const weight: number[][] = [];
    const outScale: number[] = [];
    const outOffset: number[] = [];
    for (let o = 0; o < units; o++) {
      const q = symmetricWeights(layer.kernel.map((r, i) => (r[o] as number) * (scale[i] as number)), this.options.nWBits);
      weight.push(q.q);
      outScale.push(q.scale);
      outOffset.push(layer.kernel.reduce((acc, r, i) => acc + (r[o] as number) * (offset[i] as number), layer.bias[o] as number));
    }
    this.push({ kind: 'dense', weight }, [units]);
    this.state = { ...this.state, scale: outScale, offset: outOffset, narrow: false };
  }

  conv2d(layer: Extract<FloatLayer, { kind: 'conv2d' }>): void {
    this.requireNarrow();
    const inScale = channelScales(this.state, layer);
    const shape = this.state.shape;
    const filters = layer.bias.length;
    const kernelSize = [layer.kernel.length, layer.kernel[0]?.length ?? 0] as const;
    const pads = windowPads(shape[0] ?? 0, shape[1] ?? 0, kernelSize, layer.strides, layer.padding);
    const perFilter = Array.from({ length: filters }, (_, o) =>
      symmetricWeights(layer.kernel.flatMap((r) => r.flatMap((taps) => taps.map((t, c) => (t[o] as number) * (inScale[c] as number)))), this.options.nWBits),
    );
    const [kw, cin] = [layer.kernel[0]?.length ?? 0, inScale.length];
    // perFilter[o].q lists the taps in (kh, kw, cin) order
    const weight = layer.kernel.map((r, y) => r.map((taps, x) => taps.map((_, c) => perFilter.map((f) => f.q[(y * kw + x) * cin + c] as number))));
    const offsets = conv2dNhwc(this.state.offset, shape, layer.kernel, layer.strides, pads);
    const outShape = offsets.shape;
    this.push({ kind: 'conv2d', weight, strides: layer.strides, pads }, outShape);
    this.state = {
      ...this.state,
      scale: offsets.data.map((_, e) => perFilter[e % filters]?.scale as number),
      offset: offsets.data.map((v, e) => v + (layer.bias[e % filters] as number)),
      narrow: false,
    };
  }

  pool(layer: Extract<FloatLayer, { kind: 'pool' }>): void {
    const shape = this.state.shape;
    const pads = windowPads(shape[0] ?? 0, shape[1] ?? 0, layer.poolSize, layer.strides, layer.padding);
    const outShape = [...windowOutputShape(shape, layer.poolSize, layer.strides, pads), channelsOf(this.state)];
    if (layer.op === 'max' && pads.every((p) => p === 0) && this.poolsBeforeActivation()) {
      // max commutes with the pending per-channel non-decreasing steps and the quantizer: pool
      // the accumulators (rounded like the lookups), and look up only the pooled values
      // its lookups read differences of two accumulators: one bit wider
      this.widest = Math.max(this.widest, this.windowBits() + 1);
      const channels = channelsOf(this.state);
      this.push({ kind: 'window-max', poolSize: layer.poolSize, strides: layer.strides, roundBits: this.roundBits() }, outShape);
      const n = size(outShape);
      const perChannel = (values: readonly number[]) => Array.from({ length: n }, (_, e) => values[e % channels] as number);
      this.state = {
        ...this.state,
        scale: perChannel(this.state.scale),
        offset: perChannel(this.state.offset),
        steps: this.state.steps.map((step) => (step.kind === 'affine' ? { ...step, scale: perChannel(step.scale), shift: perChannel(step.shift) } : step)),
      };
      return;
    }
    if (layer.op === 'max') {
      // max commutes with y = s·v only for s > 0 and a shared offset: otherwise requantize first
      if (!this.state.narrow || this.state.steps.length > 0 || this.state.scale.some((s) => s <= 0) || this.state.offset.some((o) => o !== 0)) this.materialize();
      const inScale = channelScales(this.state, layer);
      this.push({ kind: 'max-pool', poolSize: layer.poolSize, strides: layer.strides, pads }, outShape);
      const n = size(outShape);
      this.state = { ...this.state, scale: Array.from({ length: n }, (_, e) => inScale[e % inScale.length] as number), offset: new Array<number>(n).fill(0) };
      return;
    }
    if (pads.some((p) => p > 0)) {
      throw new UnsupportedLayerError(layer.name, 'AveragePooling2D', 'padding that adds pixels is not supported (the divisor would vary by position)');
    }
    this.requireNarrow();
    const inScale = channelScales(this.state, layer);
    const window = layer.poolSize[0] * layer.poolSize[1];
    const offsets = pool2dNhwc(this.state.offset, shape, 'avg', layer.poolSize, layer.strides, pads);
    this.push({ kind: 'sum-pool', poolSize: layer.poolSize, strides: layer.strides }, outShape);
    const channels = inScale.length;
    // With rounding, a linear layer may read the window sums directly: a wider accumulator costs
    // nothing once rounded, a requantizing lookup costs time and accuracy. Without rounding every
    // bit of width costs lookup precision, so the sums are requantized first.
    const narrow = this.options.nAccumBits !== undefined;
    this.state = { ...this.state, scale: offsets.data.map((_, e) => (inScale[e % channels] as number) / window), offset: offsets.data, narrow };
  }

  /** v = q − z: centred inputs, so that a convolution's zero padding stands for 0.0. */
  center(zeroPoint: readonly number[]): void {
    this.push({ kind: 'center', zeroPoint }, this.state.shape);
  }

  reshape(shape: readonly number[]): void {
    this.push({ kind: 'reshape', shape }, reshapeTarget(this.state.shape, shape));
  }

  activation(layer: Extract<FloatLayer, { kind: 'activation' }>): void {
    if (layer.fn === 'linear') return;
    if (layer.fn === 'softmax') throw new UnsupportedLayerError(layer.name, 'softmax', 'softmax is only supported as the last step (it runs on the client after decryption)');
    this.state.steps.push(layer.maxValue === undefined ? { kind: 'activation', fn: layer.fn } : { kind: 'activation', fn: layer.fn, maxValue: layer.maxValue });
  }

  affine(layer: Extract<FloatLayer, { kind: 'affine' }>): void {
    const channels = layer.scale.length;
    if (channels !== channelsOf(this.state)) throw new UnsupportedLayerError(layer.name, 'BatchNormalization', `${channels} channels for an input with ${channelsOf(this.state)}`);
    const a = this.state.scale.map((_, e) => layer.scale[e % channels] as number);
    const b = this.state.scale.map((_, e) => layer.shift[e % channels] as number);
    if (this.state.steps.length === 0) {
      // no activation pending: a·(s·v + o) + b folds into the scale and offset
      this.state.scale = this.state.scale.map((s, e) => (a[e] as number) * s);
      this.state.offset = this.state.offset.map((o, e) => (a[e] as number) * o + (b[e] as number));
    } else {
      this.state.steps.push({ kind: 'affine', scale: a, shift: b });
    }
  }

  /** Ends the network: a final softmax or single sigmoid stays for the client; other pending steps become a lookup. */
  finish(finalSoftmax: boolean): Omit<QuantizedNetwork, 'inputShape' | 'input'> {
    const outputs = size(this.state.shape);
    const steps = this.state.steps;
    const clientSigmoid = !finalSoftmax && outputs === 1 && steps.length === 1 && steps[0]?.kind === 'activation' && steps[0].fn === 'sigmoid' && steps[0].maxValue === undefined;
    if (!clientSigmoid && steps.length > 0) this.materialize();
    const classes = Array.from({ length: outputs === 1 ? 2 : outputs }, (_, k) => k);
    const head: FheHead =
      finalSoftmax || clientSigmoid
        ? { kind: 'boosted-classifier', classes }
        : outputs === 1
          ? { kind: 'regressor', link: 'identity' }
          : { kind: 'linear-classifier', classes, proba: 'none' };
    if (this.state.shape.length !== 1) this.push({ kind: 'reshape', shape: [outputs] }, [outputs]);
    // Returned values are decrypted from P bits and would wrap silently past them: centre each
    // output's window on 0 (the shift comes back out in the offset) for the most headroom.
    const shift = Array.from({ length: outputs }, (_, k) => {
      const values = this.state.samples.map((v) => v[k] as number);
      return -Math.round((Math.min(...values) + Math.max(...values)) / 2);
    });
    this.push({ kind: 'shift', shift }, [outputs]);
    this.state.offset = this.state.offset.map((o, k) => o - (this.state.scale[k] as number) * (shift[k] as number));
    // returned values are decrypted with their integer type (two's complement when signed)
    const returned = this.state.samples.flat();
    const [lo, hi] = [Math.min(...returned), Math.max(...returned)];
    this.widest = Math.max(this.widest, lo >= 0 ? bitsOfSpan(hi) : 1 + Math.max(bitsOfSpan(-lo - 1), bitsOfSpan(Math.max(hi, 0))));
    return {
      widestWindow: this.widest, ops: this.ops, outputScale: this.state.scale, outputOffset: this.state.offset, head };
  }
}

function inputQuantizer(network: FloatNetwork, inputset: readonly (readonly number[])[], options: NetworkQuantization): UniformQuantizer {
  const features = size(network.inputShape);
  const channels = network.inputShape.length === 1 ? features : options.inputPerChannel ? (network.inputShape[network.inputShape.length - 1] as number) : 1;
  const columns = Array.from({ length: channels }, () => [] as number[]);
  for (const x of inputset) x.forEach((v, f) => columns[f % channels]?.push(v));
  const perChannel = UniformQuantizer.calibrate(columns, options.nBits, false).params;
  return new UniformQuantizer({
    ...perChannel,
    scale: Array.from({ length: features }, (_, f) => perChannel.scale[f % channels] as number),
    zeroPoint: Array.from({ length: features }, (_, f) => perChannel.zeroPoint[f % channels] as number),
  });
}

/**
 * Post-training quantization of a float network, calibrated on `inputset` (flat channels-last
 * samples): the input quantizer, then layer by layer, with each requantization calibrated on
 * the values the already-quantized layers produce.
 */
export function quantizeNetwork(network: FloatNetwork, inputset: readonly (readonly number[])[], options: NetworkQuantization): QuantizedNetwork {
  if (options.nAccumBits === undefined || options.circuitBits !== undefined) return quantizeOnce(network, inputset, options);
  // the rounding depends on the circuit's width: measure it without rounding first
  const { widestWindow } = quantizeOnce(network, inputset, options);
  return quantizeOnce(network, inputset, { ...options, circuitBits: widestWindow });
}

function quantizeOnce(network: FloatNetwork, inputset: readonly (readonly number[])[], options: NetworkQuantization): QuantizedNetwork {
  const input = inputQuantizer(network, inputset, options);
  const features = size(network.inputShape);
  const zeroPoint = input.params.zeroPoint;
  const quantizer = new NetworkQuantizer(
    {
      shape: [features],
      scale: [...input.params.scale],
      offset: new Array<number>(features).fill(0),
      steps: [],
      narrow: true,
      samples: inputset.map((x) => input.quantizeRow(x)),
    },
    options,
  );
  quantizer.center(zeroPoint);
  quantizer.reshape(network.inputShape);
  const layers = network.layers;
  const last = layers[layers.length - 1];
  const finalSoftmax = last?.kind === 'activation' && last.fn === 'softmax';
  for (const layer of finalSoftmax ? layers.slice(0, -1) : layers) {
    switch (layer.kind) {
      case 'dense':
        quantizer.dense(layer);
        break;
      case 'conv2d':
        quantizer.conv2d(layer);
        break;
      case 'pool':
        quantizer.pool(layer);
        break;
      case 'reshape':
        quantizer.reshape(layer.shape);
        break;
      case 'activation':
        quantizer.activation(layer);
        break;
      case 'affine':
        quantizer.affine(layer);
        break;
    }
  }
  return { inputShape: network.inputShape, input, ...quantizer.finish(finalSoftmax) };
}
