import { ShapeError } from '../errors.js';
import { NdArray } from '../ndarray/ndarray.js';
import { formatShape } from '../ndarray/shape.js';
import { axesAttr } from './attrs.js';
import { defineOp } from './op.js';

/** Removes size-1 axes: the given ones (each must have size 1) or all of them. */
export const squeeze = defineOp<{ axis: number[] }>({
  name: 'squeeze',
  category: 'movement',
  arity: 1,
  linearIn: [true],
  jointlyLinear: true,
  normalize: (attrs, [x]) => {
    const shape = x?.shape ?? [];
    if ((attrs['axis'] ?? null) === null) return { axis: shape.flatMap((d, i) => (d === 1 ? [i] : [])) };
    const axis = axesAttr(attrs['axis'], shape.length, 'squeeze');
    const bad = axis.find((a) => shape[a] !== 1);
    if (bad !== undefined) {
      throw new ShapeError(`squeeze: cannot select axis ${bad} of shape ${formatShape(shape)}: its size is not 1`);
    }
    return { axis };
  },
  shape: ([x], { axis }) => (x?.shape ?? []).filter((_, i) => !axis.includes(i)),
  dtype: ([x]) => x?.dtype ?? 'int',
  evaluate: ([x], _attrs, out) => new NdArray(Float64Array.from(x?.data ?? []), out.shape, out.dtype, 'squeeze'),
});
