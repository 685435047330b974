import { ShapeError } from '../errors.js';
import { promoteTypes } from '../ndarray/dtype.js';
import { NdArray } from '../ndarray/ndarray.js';
import { formatShape, normalizeAxis, sizeOf, stridesOf } from '../ndarray/shape.js';
import { scatterInto, stridedIndexMap } from './kernels/strided.js';
import { defineOp } from './op.js';

/** Joins arrays along an existing axis; all other axes must match. */
export const concatenate = defineOp<{ axis: number }>({
  name: 'concatenate',
  category: 'movement',
  arity: [1, Infinity],
  linearIn: [true],
  jointlyLinear: true,
  normalize: (attrs, inputs) => {
    const ndim = inputs[0]?.shape.length ?? 0;
    if (ndim === 0) throw new ShapeError('concatenate: zero-dimensional arrays cannot be concatenated');
    return { axis: normalizeAxis(attrs['axis'] ?? 0, ndim, 'concatenate') };
  },
  shape: (inputs, { axis }) => {
    const first = inputs[0]?.shape ?? [];
    let length = 0;
    for (const x of inputs) {
      if (x.shape.length !== first.length || x.shape.some((d, i) => i !== axis && d !== first[i])) {
        throw new ShapeError(`concatenate: shapes ${formatShape(first)} and ${formatShape(x.shape)} differ outside axis ${axis}`);
      }
      length += x.shape[axis] ?? 0;
    }
    return first.map((d, i) => (i === axis ? length : d));
  },
  dtype: (inputs) => promoteTypes(...inputs.map((x) => x.dtype)),
  evaluate: (inputs, { axis }, out) => {
    const data = new Float64Array(sizeOf(out.shape));
    const strides = stridesOf(out.shape);
    let offset = 0;
    for (const x of inputs) {
      scatterInto(data, x, stridedIndexMap(x.shape, strides, offset * (strides[axis] ?? 0)));
      offset += x.shape[axis] ?? 0;
    }
    return new NdArray(data, out.shape, out.dtype, 'concatenate');
  },
});
