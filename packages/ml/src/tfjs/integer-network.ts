import type { ActivationName } from './float-layers.js';
import { activationFunction } from './activations.js';
import { roundLowBits } from '../quantized-nn/rounding.js';
import { conv2dNhwc, matVec, pool2dNhwc, type Pads } from './nhwc-kernels.js';

/** One elementwise float step a lookup applies after dequantizing its input. */
export type LookupStep =
  | { readonly kind: 'activation'; readonly fn: Exclude<ActivationName, 'softmax'>; readonly maxValue?: number }
  /** Per element (the tensor's flat, channels-last order). */
  | { readonly kind: 'affine'; readonly scale: readonly number[]; readonly shift: readonly number[] };

/** The activation quantizer of a lookup: per tensor, q = clip(round(y / scale) + zeroPoint, qMin, qMax). */
export interface ActivationQuantizer {
  readonly scale: number;
  readonly zeroPoint: number;
  readonly qMin: number;
  readonly qMax: number;
}

/**
 * One integer operation of the quantized network, on a channels-last tensor. Every value is
 * an integer: linear ops carry integer weights; a lookup is the only non-linear op (besides
 * max pooling) and turns any integer into a centred activation q − zeroPoint.
 */
export type IntegerOp =
  /** v = q − zeroPoint, per input feature: quantized inputs centred so that zero padding means 0.0. */
  | { readonly kind: 'center'; readonly zeroPoint: readonly number[] }
  | { readonly kind: 'reshape'; readonly shape: readonly number[] }
  /** v + shift, per element (integers). */
  | { readonly kind: 'shift'; readonly shift: readonly number[] }
  /** weight[o][i]: y_o = Σ_i weight[o][i] · x_i. */
  | { readonly kind: 'dense'; readonly weight: readonly (readonly number[])[] }
  /** weight[kh][kw][cin][cout], zero padding. */
  | { readonly kind: 'conv2d'; readonly weight: readonly (readonly (readonly (readonly number[])[])[])[]; readonly strides: readonly [number, number]; readonly pads: Pads }
  /** Window sums (an average pooling whose 1/k² moved into the scale); windows never pad. */
  | { readonly kind: 'sum-pool'; readonly poolSize: readonly [number, number]; readonly strides: readonly [number, number] }
  | { readonly kind: 'max-pool'; readonly poolSize: readonly [number, number]; readonly strides: readonly [number, number]; readonly pads: Pads }
  /**
   * Max over each window (no padding) of accumulators, as a chain over the window's taps in
   * row-major order: m ← m + relu(round(x − m, roundBits low bits)). Exact when roundBits = 0;
   * otherwise each step may miss the larger value by less than 2^(roundBits − 1), so its lookups
   * can use rounded (cheap) parameters like the activations'.
   */
  | { readonly kind: 'window-max'; readonly poolSize: readonly [number, number]; readonly strides: readonly [number, number]; readonly roundBits: number }
  /**
   * Per element e: r = round(v, roundBits low bits) (ties upward), y = scale[e]·r + offset[e],
   * y = steps(y), result = clip(round(y / s) + z, qMin, qMax) − z.
   */
  | {
      readonly kind: 'lookup';
      readonly roundBits: number;
      readonly scale: readonly number[];
      readonly offset: readonly number[];
      readonly steps: readonly LookupStep[];
      readonly quantizer: ActivationQuantizer;
    };

/** An integer op with the channels-last shape of its result. */
export interface ShapedOp {
  readonly op: IntegerOp;
  readonly shape: readonly number[];
}

/** The float function a lookup applies to the (rounded) integer of element e, before its quantizer. */
export function lookupFloat(op: Extract<IntegerOp, { kind: 'lookup' }>, e: number, r: number): number {
  let y = (op.scale[e] as number) * r + (op.offset[e] as number);
  for (const step of op.steps) {
    y = step.kind === 'activation' ? activationFunction(step.fn, step.maxValue)(y) : (step.scale[e] as number) * y + (step.shift[e] as number);
  }
  return y;
}

/** The activation quantizer, returning the centred integer q − z. */
export function quantizeActivation(q: ActivationQuantizer): (y: number) => number {
  return (y) => Math.min(q.qMax, Math.max(q.qMin, Math.round(y / q.scale) + q.zeroPoint)) - q.zeroPoint;
}

function windowMax(data: readonly number[], shape: readonly number[], size: readonly [number, number], strides: readonly [number, number], roundBits: number): number[] {
  const [h = 0, w = 0, c = 0] = shape;
  const [oh, ow] = [Math.floor((h - size[0]) / strides[0]) + 1, Math.floor((w - size[1]) / strides[1]) + 1];
  const out: number[] = [];
  for (let oy = 0; oy < oh; oy++) {
    for (let ox = 0; ox < ow; ox++) {
      for (let ch = 0; ch < c; ch++) {
        let m = Number.NaN;
        for (let ky = 0; ky < size[0]; ky++) {
          for (let kx = 0; kx < size[1]; kx++) {
            const x = data[((oy * strides[0] + ky) * w + ox * strides[1] + kx) * c + ch] as number;
            m = Number.isNaN(m) ? x : m + Math.max(0, roundLowBits(x - m, roundBits));
          }
        }
        out.push(m);
      }
    }
  }
  return out;
}

/** Applies one integer op to a flat tensor of the given shape, in plain JavaScript. */
export function applyIntegerOp(op: IntegerOp, data: readonly number[], shape: readonly number[]): number[] {
  switch (op.kind) {
    case 'center':
      return data.map((q, i) => q - (op.zeroPoint[i] as number));
    case 'reshape':
      return data.slice();
    case 'shift':
      return data.map((v, e) => v + (op.shift[e] as number));
    case 'dense':
      return matVec(op.weight, data);
    case 'conv2d':
      return conv2dNhwc(data, shape, op.weight, op.strides, op.pads).data;
    case 'sum-pool':
      return pool2dNhwc(data, shape, 'sum', op.poolSize, op.strides, [0, 0, 0, 0]).data;
    case 'max-pool':
      return pool2dNhwc(data, shape, 'max', op.poolSize, op.strides, op.pads).data;
    case 'window-max':
      return windowMax(data, shape, op.poolSize, op.strides, op.roundBits);
    case 'lookup': {
      const quantize = quantizeActivation(op.quantizer);
      return data.map((v, e) => quantize(lookupFloat(op, e, roundLowBits(v, op.roundBits))));
    }
  }
}

/** The whole integer network on one quantized sample: the clear quantized evaluation (fhe: 'disable'). */
export function evaluateIntegerNetwork(ops: readonly ShapedOp[], inputShape: readonly number[], q: readonly number[]): number[] {
  let data = q.slice();
  let shape = inputShape;
  for (const { op, shape: next } of ops) {
    data = applyIntegerOp(op, data, shape);
    shape = next;
  }
  return data;
}
