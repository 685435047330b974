import { GraphError, ShapeError } from '../errors.js';
import { broadcastShapes } from '../ndarray/broadcast.js';
import { broadcastIndexMap } from '../ndarray/broadcast-index.js';
import { promoteTypes } from '../ndarray/dtype.js';
import { NdArray } from '../ndarray/ndarray.js';
import { formatShape, sizeOf } from '../ndarray/shape.js';
import { defineOp, type ValueType } from './op.js';

/** Shapes as matrices: a 1-D left operand is a row (1, n), a 1-D right operand a column (n, 1). */
function asMatrices(a: readonly number[], b: readonly number[]) {
  if (a.length === 0 || b.length === 0) {
    throw new ShapeError(`matmul: scalar operands are not allowed (shapes ${formatShape(a)} and ${formatShape(b)}), use multiply`);
  }
  const left = a.length === 1 ? [1, a[0] ?? 0] : [...a];
  const right = b.length === 1 ? [b[0] ?? 0, 1] : [...b];
  const [m = 0, k = 0] = left.slice(-2);
  const [k2 = 0, n = 0] = right.slice(-2);
  if (k !== k2) {
    throw new ShapeError(`matmul: shapes ${formatShape(a)} and ${formatShape(b)} are not aligned (${k} != ${k2})`);
  }
  const batch = broadcastShapes(left.slice(0, -2), right.slice(0, -2), 'matmul');
  return { m, k, n, batch, leftBatch: left.slice(0, -2), rightBatch: right.slice(0, -2) };
}

/** numpy's matmul (`@`): matrix product over the last two axes, batch axes broadcast, 1-D operands promoted then squeezed. */
export const matmul = defineOp({
  name: 'matmul',
  category: 'linear',
  arity: 2,
  linearIn: [true, true],
  shape: ([a, b]) => {
    const as = a?.shape ?? [];
    const bs = b?.shape ?? [];
    const { m, n, batch } = asMatrices(as, bs);
    return [...batch, ...(as.length === 1 ? [] : [m]), ...(bs.length === 1 ? [] : [n])];
  },
  dtype: (inputs: readonly ValueType[]) => promoteTypes(...inputs.map((x) => x.dtype)),
  evaluate: ([a, b], _attrs, out) => {
    if (!a || !b) throw new GraphError('matmul: missing input');
    const { m, k, n, batch, leftBatch, rightBatch } = asMatrices(a.shape, b.shape);
    const leftMap = broadcastIndexMap(leftBatch, batch);
    const rightMap = broadcastIndexMap(rightBatch, batch);
    const data = new Float64Array(sizeOf(batch) * m * n);
    for (let t = 0; t < leftMap.length; t++) {
      const aBase = (leftMap[t] ?? 0) * m * k;
      const bBase = (rightMap[t] ?? 0) * k * n;
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let acc = 0;
          for (let p = 0; p < k; p++) acc += (a.data[aBase + i * k + p] ?? 0) * (b.data[bBase + p * n + j] ?? 0);
          data[t * m * n + i * n + j] = acc;
        }
      }
    }
    return new NdArray(data, out.shape, out.dtype, 'matmul');
  },
});
