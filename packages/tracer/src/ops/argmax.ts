import { GraphError, ShapeError } from '../errors.js';
import { NdArray } from '../ndarray/ndarray.js';
import { formatShape, normalizeAxis, sizeOf, stridesOf } from '../ndarray/shape.js';
import { boolAttr } from './attrs.js';
import { defineOp } from './op.js';

/** Index of the first maximum (the first NaN wins, as numpy) along `axis`, or in the flattened array. */
export const argmax = defineOp<{ axis: number | null; keepdims: boolean }>({
  name: 'argmax',
  category: 'reduction',
  arity: 1,
  normalize: (attrs, [x]) => {
    const axis = attrs['axis'] ?? null;
    return {
      axis: axis === null ? null : normalizeAxis(axis, x?.shape.length ?? 0, 'argmax'),
      keepdims: boolAttr(attrs, 'keepdims', 'argmax'),
    };
  },
  shape: ([x], { axis, keepdims }) => {
    const shape = x?.shape ?? [];
    if ((axis === null ? sizeOf(shape) : shape[axis]) === 0) {
      throw new ShapeError(`argmax: attempt to get argmax of an empty sequence (shape ${formatShape(shape)})`);
    }
    if (axis === null) return keepdims ? shape.map(() => 1) : [];
    return shape.flatMap((d, i) => (i !== axis ? [d] : keepdims ? [1] : []));
  },
  dtype: () => 'int',
  evaluate: ([x], { axis }, out) => {
    if (!x) throw new GraphError('argmax: missing input');
    const shape = axis === null ? [x.size] : x.shape;
    const a = axis ?? 0;
    const length = shape[a] ?? 1;
    const stride = stridesOf(shape)[a] ?? 1;
    const outer = sizeOf(shape.slice(0, a));
    const data = new Float64Array(sizeOf(out.shape));
    for (let o = 0; o < outer; o++) {
      for (let s = 0; s < stride; s++) {
        const base = o * length * stride + s;
        let best = 0;
        let bestValue = x.data[base] ?? 0;
        for (let i = 1; i < length && !Number.isNaN(bestValue); i++) {
          const v = x.data[base + i * stride] ?? 0;
          if (v > bestValue || Number.isNaN(v)) {
            best = i;
            bestValue = v;
          }
        }
        data[o * stride + s] = best;
      }
    }
    return new NdArray(data, out.shape, 'int', 'argmax');
  },
});
