import { canonicalIndexItem, type CanonicalIndexItem } from '../api/indexing.js';
import { AttributeError, GraphError, IndexError } from '../errors.js';
import { formatShape, stridesOf } from '../ndarray/shape.js';
import { gather, stridedIndexMap } from './kernels/strided.js';
import { defineOp, type ValueType } from './op.js';

/** Python's slice.indices(length): start, number of values, step. */
function sliceRange(item: Extract<CanonicalIndexItem, { kind: 'slice' }>, length: number) {
  const step = item.step ?? 1;
  const clamp = (v: number | null, fallback: number) => {
    if (v === null) return fallback;
    if (v < 0) return Math.max(v + length, step < 0 ? -1 : 0);
    return Math.min(v, step < 0 ? length - 1 : length);
  };
  const start = clamp(item.start, step < 0 ? length - 1 : 0);
  const stop = clamp(item.stop, step < 0 ? -1 : length);
  const count = step < 0 ? (stop < start ? Math.floor((start - stop - 1) / -step) + 1 : 0) : start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
  return { start, count, step };
}

/** The view an index describes: output shape, strides into the input, and offset. */
function resolveView(shape: readonly number[], index: readonly CanonicalIndexItem[]) {
  const consuming = index.filter((i) => i.kind === 'int' || i.kind === 'slice').length;
  const ellipses = index.filter((i) => i.kind === 'ellipsis').length;
  if (ellipses > 1) throw new IndexError("getItem: an index can only have a single ellipsis ('...')");
  if (consuming > shape.length) {
    throw new IndexError(`getItem: too many indices for array of shape ${formatShape(shape)}: ${consuming} were indexed`);
  }
  const expanded: CanonicalIndexItem[] = [];
  for (const item of index) {
    if (item.kind === 'ellipsis') {
      for (let i = 0; i < shape.length - consuming; i++) expanded.push({ kind: 'slice', start: null, stop: null, step: null });
    } else expanded.push(item);
  }
  const inStrides = stridesOf(shape);
  const outShape: number[] = [];
  const strides: number[] = [];
  let offset = 0;
  let axis = 0;
  for (const item of expanded) {
    if (item.kind === 'newaxis') {
      outShape.push(1);
      strides.push(0);
      continue;
    }
    const length = shape[axis] ?? 0;
    const stride = inStrides[axis] ?? 0;
    if (item.kind === 'int') {
      if (item.index < -length || item.index >= length) {
        throw new IndexError(`getItem: index ${item.index} is out of bounds for axis ${axis} with size ${length}`);
      }
      offset += (item.index < 0 ? item.index + length : item.index) * stride;
    } else if (item.kind === 'slice') {
      const { start, count, step } = sliceRange(item, length);
      outShape.push(count);
      strides.push(step * stride);
      if (count > 0) offset += start * stride;
    }
    axis++;
  }
  for (; axis < shape.length; axis++) {
    outShape.push(shape[axis] ?? 0);
    strides.push(inStrides[axis] ?? 0);
  }
  return { outShape, strides, offset };
}

/** numpy basic indexing (`x[0, 1:5:2, np.newaxis, ...]`): integers, slices, newaxis and one ellipsis. */
export const getItem = defineOp<{ index: CanonicalIndexItem[] }>({
  name: 'getItem',
  category: 'movement',
  arity: 1,
  linearIn: [true],
  jointlyLinear: true,
  normalize: (attrs, [x]) => {
    const index = attrs['index'];
    if (!Array.isArray(index)) throw new AttributeError(`getItem: index must be a list, got ${JSON.stringify(index)}`);
    const canonical = index.map(canonicalIndexItem);
    resolveView(x?.shape ?? [], canonical);
    return { index: canonical };
  },
  shape: ([x], { index }) => resolveView(x?.shape ?? [], index).outShape,
  dtype: ([x]: readonly ValueType[]) => x?.dtype ?? 'int',
  evaluate: ([x], { index }, out) => {
    if (!x) throw new GraphError('getItem: missing input');
    const { strides, offset } = resolveView(x.shape, index);
    return gather(x, stridedIndexMap(out.shape, strides, offset), out, 'getItem');
  },
});
