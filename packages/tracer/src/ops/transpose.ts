import { AttributeError, GraphError } from '../errors.js';
import { normalizeAxis, stridesOf } from '../ndarray/shape.js';
import { gather, stridedIndexMap } from './kernels/strided.js';
import { defineOp } from './op.js';

/** Permutes axes: out axis i is input axis axes[i]; reverses them by default. */
export const transpose = defineOp<{ axes: number[] }>({
  name: 'transpose',
  category: 'movement',
  arity: 1,
  linearIn: [true],
  jointlyLinear: true,
  normalize: (attrs, [x]) => {
    const ndim = x?.shape.length ?? 0;
    const given = attrs['axes'] ?? null;
    if (given === null) return { axes: Array.from({ length: ndim }, (_, i) => ndim - 1 - i) };
    if (!Array.isArray(given) || given.length !== ndim) {
      throw new AttributeError(`transpose: axes ${JSON.stringify(given)} must list each of the ${ndim} axes once`);
    }
    const axes = given.map((a: unknown) => normalizeAxis(a, ndim, 'transpose'));
    if (new Set(axes).size !== ndim) throw new AttributeError(`transpose: repeated axis in ${JSON.stringify(given)}`);
    return { axes };
  },
  shape: ([x], { axes }) => axes.map((a) => x?.shape[a] ?? 0),
  dtype: ([x]) => x?.dtype ?? 'int',
  evaluate: ([x], { axes }, out) => {
    if (!x) throw new GraphError('transpose: missing input');
    const strides = stridesOf(x.shape);
    return gather(x, stridedIndexMap(out.shape, axes.map((a) => strides[a] ?? 0), 0), out, 'transpose');
  },
});
