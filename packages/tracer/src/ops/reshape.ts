import { AttributeError, ShapeError } from '../errors.js';
import { NdArray } from '../ndarray/ndarray.js';
import { formatShape, sizeOf } from '../ndarray/shape.js';
import { defineOp } from './op.js';

/** The new shape with its one optional -1 resolved so that the size is unchanged. */
function resolveShape(requested: unknown, from: readonly number[]): number[] {
  if (!Array.isArray(requested) || !requested.every((d) => Number.isInteger(d) && d >= -1)) {
    throw new AttributeError(`reshape: shape must be a list of integers (one may be -1), got ${JSON.stringify(requested)}`);
  }
  const shape = requested as number[];
  const unknown = shape.filter((d) => d === -1).length;
  if (unknown > 1) throw new AttributeError('reshape: can only specify one unknown dimension (-1)');
  const known = shape.filter((d) => d !== -1).reduce((a, d) => a * d, 1);
  const size = sizeOf(from);
  if (unknown === 1 && known !== 0 && size % known === 0) return shape.map((d) => (d === -1 ? size / known : d));
  if (unknown === 0 && known === size) return [...shape];
  throw new ShapeError(`reshape: cannot reshape array of shape ${formatShape(from)} (size ${size}) into shape ${formatShape(shape)}`);
}

/** Same values, row-major, in a new shape. */
export const reshape = defineOp<{ shape: number[] }>({
  name: 'reshape',
  category: 'movement',
  arity: 1,
  linearIn: [true],
  jointlyLinear: true,
  normalize: (attrs, [x]) => ({ shape: resolveShape(attrs['shape'], x?.shape ?? []) }),
  shape: (_inputs, { shape }) => [...shape],
  dtype: ([x]) => x?.dtype ?? 'int',
  evaluate: ([x], _attrs, out) => new NdArray(Float64Array.from(x?.data ?? []), out.shape, out.dtype, 'reshape'),
});
