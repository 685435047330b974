import { AttributeError, GraphError } from '../errors.js';
import { NdArray } from '../ndarray/ndarray.js';
import { sizeOf, stridesOf } from '../ndarray/shape.js';
import { scatterInto, stridedIndexMap } from './kernels/strided.js';
import { defineOp } from './op.js';

/** numpy's pad_width forms: n, [n], [before, after], [[before, after]] or one pair per axis. */
function padPairs(value: unknown, ndim: number): [number, number][] {
  const bad = () => new AttributeError(`pad: padWidth ${JSON.stringify(value)} must be n, [before, after] or one [before, after] per axis (${ndim}), non-negative integers`);
  const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
  let pairs: unknown[];
  if (isCount(value)) pairs = new Array(ndim).fill([value, value]);
  else if (Array.isArray(value) && value.length === 1 && isCount(value[0])) pairs = new Array(ndim).fill([value[0], value[0]]);
  else if (Array.isArray(value) && value.length === 2 && value.every(isCount)) pairs = new Array(ndim).fill(value);
  else if (Array.isArray(value) && value.length === 1 && Array.isArray(value[0])) pairs = new Array(ndim).fill(value[0]);
  else if (Array.isArray(value) && value.length === ndim) pairs = value;
  else throw bad();
  return pairs.map((p) => {
    if (!Array.isArray(p) || p.length !== 2 || !p.every(isCount)) throw bad();
    return [p[0], p[1]] as [number, number];
  });
}

/** Constant padding: `padWidth[i] = [before, after]` values of `value` around axis i. */
export const pad = defineOp<{ padWidth: [number, number][]; value: number }>({
  name: 'pad',
  category: 'movement',
  arity: 1,
  linearIn: [true],
  normalize: (attrs, [x]) => {
    const value = attrs['value'] ?? 0;
    if (typeof value !== 'number') throw new AttributeError(`pad: value must be a number, got ${JSON.stringify(value)}`);
    return { padWidth: padPairs(attrs['padWidth'], x?.shape.length ?? 0), value };
  },
  shape: ([x], { padWidth }) => (x?.shape ?? []).map((d, i) => d + (padWidth[i]?.[0] ?? 0) + (padWidth[i]?.[1] ?? 0)),
  // numpy casts the pad value to the array's dtype.
  dtype: ([x]) => x?.dtype ?? 'int',
  evaluate: ([x], { padWidth, value }, out) => {
    if (!x) throw new GraphError('pad: missing input');
    const data = new Float64Array(sizeOf(out.shape)).fill(out.dtype === 'int' ? Math.trunc(value) : value);
    const strides = stridesOf(out.shape);
    const offset = padWidth.reduce((acc, [before], i) => acc + before * (strides[i] ?? 0), 0);
    scatterInto(data, x, stridedIndexMap(x.shape, strides, offset));
    return new NdArray(data, out.shape, out.dtype, 'pad');
  },
});
