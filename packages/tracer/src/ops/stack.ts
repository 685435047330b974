import { ShapeError } from '../errors.js';
import { promoteTypes } from '../ndarray/dtype.js';
import { NdArray } from '../ndarray/ndarray.js';
import { formatShape, normalizeAxis, sameShape, sizeOf, stridesOf } from '../ndarray/shape.js';
import { scatterInto, stridedIndexMap } from './kernels/strided.js';
import { defineOp } from './op.js';

/** Joins arrays of one shape along a new axis. */
export const stack = defineOp<{ axis: number }>({
  name: 'stack',
  category: 'movement',
  arity: [1, Infinity],
  linearIn: [true],
  jointlyLinear: true,
  normalize: (attrs, inputs) => ({ axis: normalizeAxis(attrs['axis'] ?? 0, (inputs[0]?.shape.length ?? 0) + 1, 'stack') }),
  shape: (inputs, { axis }) => {
    const first = inputs[0]?.shape ?? [];
    const other = inputs.find((x) => !sameShape(x.shape, first));
    if (other) throw new ShapeError(`stack: all input arrays must have the same shape, got ${formatShape(first)} and ${formatShape(other.shape)}`);
    return [...first.slice(0, axis), inputs.length, ...first.slice(axis)];
  },
  dtype: (inputs) => promoteTypes(...inputs.map((x) => x.dtype)),
  evaluate: (inputs, { axis }, out) => {
    const data = new Float64Array(sizeOf(out.shape));
    const strides = stridesOf(out.shape);
    const placement = strides.filter((_, i) => i !== axis);
    inputs.forEach((x, k) => scatterInto(data, x, stridedIndexMap(x.shape, placement, k * (strides[axis] ?? 0))));
    return new NdArray(data, out.shape, out.dtype, 'stack');
  },
});
