import { GraphError, ShapeError } from '../errors.js';
import { broadcastShapes } from '../ndarray/broadcast.js';
import { broadcastIndexMap } from '../ndarray/broadcast-index.js';
import { checkShape, formatShape, sameShape } from '../ndarray/shape.js';
import { gather } from './kernels/strided.js';
import { defineOp } from './op.js';

/** Repeats the values along size-1 (or missing leading) axes to reach `shape`. */
export const broadcastTo = defineOp<{ shape: number[] }>({
  name: 'broadcastTo',
  category: 'movement',
  arity: 1,
  linearIn: [true],
  jointlyLinear: true,
  normalize: (attrs, [x]) => {
    const shape = checkShape(attrs['shape'], 'broadcastTo');
    const from = x?.shape ?? [];
    if (from.length > shape.length || !sameShape(broadcastShapes(from, shape, 'broadcastTo'), shape)) {
      throw new ShapeError(`broadcastTo: cannot broadcast shape ${formatShape(from)} to ${formatShape(shape)}`);
    }
    return { shape: [...shape] };
  },
  shape: (_inputs, { shape }) => [...shape],
  dtype: ([x]) => x?.dtype ?? 'int',
  evaluate: ([x], _attrs, out) => {
    if (!x) throw new GraphError('broadcastTo: missing input');
    return gather(x, broadcastIndexMap(x.shape, out.shape), out, 'broadcastTo');
  },
});
