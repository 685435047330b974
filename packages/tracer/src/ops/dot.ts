import { GraphError, ShapeError } from '../errors.js';
import { broadcastShapes } from '../ndarray/broadcast.js';
import { promoteTypes } from '../ndarray/dtype.js';
import { NdArray } from '../ndarray/ndarray.js';
import { formatShape, sizeOf } from '../ndarray/shape.js';
import { mapBroadcast } from './kernels/elementwise.js';
import { defineOp, type ValueType } from './op.js';

/** The contraction numpy's dot performs: a's last axis with b's only (1-D) or second-to-last axis. */
function contraction(a: readonly number[], b: readonly number[]) {
  const k = a[a.length - 1] ?? 0;
  const kb = b.length === 1 ? (b[0] ?? 0) : (b[b.length - 2] ?? 0);
  if (k !== kb) throw new ShapeError(`dot: shapes ${formatShape(a)} and ${formatShape(b)} are not aligned (${k} != ${kb})`);
  const bPre = b.length === 1 ? [] : b.slice(0, -2);
  const bPost = b.length === 1 ? [] : b.slice(-1);
  return { k, outer: a.slice(0, -1), bPre, bPost };
}

/**
 * numpy's dot: with a scalar operand it multiplies; 1-D . 1-D is the inner product; otherwise
 * it sums a's last axis against b's second-to-last (or only) axis:
 * out[i..., p..., q] = sum_k a[i..., k] * b[p..., k, q].
 */
export const dot = defineOp({
  name: 'dot',
  category: 'linear',
  arity: 2,
  linearIn: [true, true],
  shape: ([a, b]) => {
    const as = a?.shape ?? [];
    const bs = b?.shape ?? [];
    if (as.length === 0 || bs.length === 0) return broadcastShapes(as, bs, 'dot');
    const { outer, bPre, bPost } = contraction(as, bs);
    return [...outer, ...bPre, ...bPost];
  },
  dtype: (inputs: readonly ValueType[]) => promoteTypes(...inputs.map((x) => x.dtype)),
  evaluate: ([a, b], _attrs, out) => {
    if (!a || !b) throw new GraphError('dot: missing input');
    if (a.ndim === 0 || b.ndim === 0) return mapBroadcast([a, b], (x, y) => x * y, out, 'dot');
    const { k, outer, bPre, bPost } = contraction(a.shape, b.shape);
    const rows = sizeOf(outer);
    const pre = sizeOf(bPre);
    const post = sizeOf(bPost);
    const data = new Float64Array(rows * pre * post);
    for (let i = 0; i < rows; i++) {
      for (let p = 0; p < pre; p++) {
        for (let q = 0; q < post; q++) {
          let acc = 0;
          for (let t = 0; t < k; t++) acc += (a.data[i * k + t] ?? 0) * (b.data[(p * k + t) * post + q] ?? 0);
          data[(i * pre + p) * post + q] = acc;
        }
      }
    }
    return new NdArray(data, out.shape, out.dtype, 'dot');
  },
});
