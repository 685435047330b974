import { NdArray } from '../ndarray/ndarray.js';
import { sizeOf } from '../ndarray/shape.js';
import { defineOp } from './op.js';

/** The values as a 1-D array, row-major. */
export const flatten = defineOp({
  name: 'flatten',
  category: 'movement',
  arity: 1,
  linearIn: [true],
  jointlyLinear: true,
  shape: ([x]) => [sizeOf(x?.shape ?? [])],
  dtype: ([x]) => x?.dtype ?? 'int',
  evaluate: ([x], _attrs, out) => new NdArray(Float64Array.from(x?.data ?? []), out.shape, out.dtype, 'flatten'),
});
