import { AttributeError } from '../errors.js';
import { NdArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import { defineOp } from './op.js';

/** Inserts size-1 axes at the given positions of the output (negative counts from its end). */
export const expandDims = defineOp<{ axis: number[] }>({
  name: 'expandDims',
  category: 'movement',
  arity: 1,
  linearIn: [true],
  jointlyLinear: true,
  normalize: (attrs, [x]) => {
    const given = attrs['axis'];
    const list = Array.isArray(given) ? (given as unknown[]) : [given];
    const outNdim = (x?.shape.length ?? 0) + list.length;
    const axis = list.map((a) => normalizeAxis(a, outNdim, 'expandDims')).sort((a, b) => a - b);
    if (new Set(axis).size !== axis.length) throw new AttributeError(`expandDims: repeated axis in ${JSON.stringify(given)}`);
    return { axis };
  },
  shape: ([x], { axis }) => {
    const rest = [...(x?.shape ?? [])];
    return Array.from({ length: rest.length + axis.length }, (_, i) => (axis.includes(i) ? 1 : (rest.shift() ?? 1)));
  },
  dtype: ([x]) => x?.dtype ?? 'int',
  evaluate: ([x], _attrs, out) => new NdArray(Float64Array.from(x?.data ?? []), out.shape, out.dtype, 'expandDims'),
});
