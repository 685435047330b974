import { NdArray } from '../../ndarray/ndarray.js';
import { sizeOf, stridesOf } from '../../ndarray/shape.js';
import type { ValueType } from '../op.js';

/** Shape after reducing `axes` (kept as size 1 with keepdims). */
export function reducedShape(shape: readonly number[], axes: readonly number[], keepdims: boolean): number[] {
  const out: number[] = [];
  shape.forEach((d, i) => {
    if (!axes.includes(i)) out.push(d);
    else if (keepdims) out.push(1);
  });
  return out;
}

/**
 * For each flat input index, the flat index of the output element it folds into (reduced
 * axes contribute nothing).
 */
export function reductionIndexMap(shape: readonly number[], axes: readonly number[]): Int32Array {
  const keptShape = shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const keptStrides = stridesOf(keptShape).map((s, i) => (axes.includes(i) ? 0 : s));
  const size = sizeOf(shape);
  const map = new Int32Array(size);
  const counter = new Array<number>(shape.length).fill(0);
  let position = 0;
  for (let flat = 0; flat < size; flat++) {
    map[flat] = position;
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      const c = (counter[axis] ?? 0) + 1;
      const stride = keptStrides[axis] ?? 0;
      if (c < (shape[axis] ?? 1)) {
        counter[axis] = c;
        position += stride;
        break;
      }
      counter[axis] = 0;
      position -= stride * (c - 1);
    }
  }
  return map;
}

/** Folds the values of `x` along `axes` with `combine`, starting from `init`, then `finish(acc, count)`. */
export function reduce(
  x: NdArray,
  axes: readonly number[],
  out: ValueType,
  op: string,
  init: number,
  combine: (acc: number, v: number) => number,
  finish: (acc: number, count: number) => number = (acc) => acc,
): NdArray {
  const data = new Float64Array(sizeOf(out.shape)).fill(init);
  const map = reductionIndexMap(x.shape, axes);
  for (let i = 0; i < x.size; i++) {
    const o = map[i] ?? 0;
    data[o] = combine(data[o] ?? init, x.data[i] ?? 0);
  }
  const count = axes.reduce((n, a) => n * (x.shape[a] ?? 1), 1);
  for (let o = 0; o < data.length; o++) data[o] = finish(data[o] ?? init, count);
  return new NdArray(data, out.shape, out.dtype, op);
}
