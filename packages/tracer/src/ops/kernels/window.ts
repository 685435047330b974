import { AttributeError, ShapeError } from '../../errors.js';
import { formatShape } from '../../ndarray/shape.js';
import type { Attrs } from '../op.js';
import { intTupleAttr } from '../attrs.js';

/** Geometry of a sliding window over the spatial axes (1 or 2 of them) of an NC... array. */
export interface WindowAttrs {
  readonly kernelShape: number[];
  readonly strides: number[];
  /** ONNX order: all begins, then all ends ([top, left, bottom, right] in 2-D). */
  readonly pads: number[];
  readonly dilations: number[];
}

/** `padding`: n, one per spatial axis (symmetric), or ONNX's begins-then-ends list. */
export function padsAttr(value: unknown, spatial: number, op: string): number[] {
  if (value === undefined || value === null) return new Array<number>(2 * spatial).fill(0);
  if (Array.isArray(value) && value.length === 2 * spatial) return intTupleAttr(value, 2 * spatial, 'padding', op, 0);
  const perAxis = intTupleAttr(value, spatial, 'padding', op, 0);
  return [...perAxis, ...perAxis];
}

/** Window attributes from `stride`/`strides`, `padding`/`pads`, `dilation`/`dilations`. */
export function windowAttrs(attrs: Attrs, kernelShape: number[], op: string, defaultStride: number | number[] = 1): WindowAttrs {
  const spatial = kernelShape.length;
  return {
    kernelShape,
    strides: intTupleAttr(attrs['stride'] ?? attrs['strides'] ?? defaultStride, spatial, 'stride', op, 1),
    pads: padsAttr(attrs['padding'] ?? attrs['pads'], spatial, op),
    dilations: intTupleAttr(attrs['dilation'] ?? attrs['dilations'] ?? 1, spatial, 'dilation', op, 1),
  };
}

/** Output spatial sizes: floor((size + pads - dilation * (k - 1) - 1) / stride) + 1. */
export function windowOutputSizes(spatialShape: readonly number[], w: WindowAttrs, op: string): number[] {
  return spatialShape.map((size, i) => {
    const span = (w.dilations[i] ?? 1) * ((w.kernelShape[i] ?? 1) - 1) + 1;
    const padded = size + (w.pads[i] ?? 0) + (w.pads[i + spatialShape.length] ?? 0);
    if (padded < span) {
      throw new ShapeError(`${op}: the window (span ${span}) is larger than the padded input ${formatShape(spatialShape)} on spatial axis ${i}`);
    }
    return Math.floor((padded - span) / (w.strides[i] ?? 1)) + 1;
  });
}

/** Checks an input has `rank` axes (N, C and the spatial ones). */
export function requireRank(shape: readonly number[], rank: number, what: string, op: string): void {
  if (shape.length !== rank) {
    throw new ShapeError(`${op}: ${what} must have ${rank} dimensions, got shape ${formatShape(shape)}`);
  }
}

/** Kernel shape attribute of a pooling op. */
export function kernelShapeAttr(attrs: Attrs, spatial: number, op: string): number[] {
  if (attrs['kernelShape'] === undefined) throw new AttributeError(`${op}: attribute 'kernelShape' is required`);
  return intTupleAttr(attrs['kernelShape'], spatial, 'kernelShape', op, 1);
}
