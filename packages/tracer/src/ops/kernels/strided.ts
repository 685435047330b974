import { NdArray } from '../../ndarray/ndarray.js';
import { sizeOf } from '../../ndarray/shape.js';
import type { ValueType } from '../op.js';

/**
 * A strided view as an index map: for each flat index of `shape` (row-major), the flat
 * position `offset + sum_i coord_i * strides_i`. Transpose, broadcast, slicing and placing a
 * block inside a larger array (pad, concatenate) are all such views.
 */
export function stridedIndexMap(shape: readonly number[], strides: readonly number[], offset: number): Int32Array {
  const size = sizeOf(shape);
  const map = new Int32Array(size);
  const counter = new Array<number>(shape.length).fill(0);
  let position = offset;
  for (let flat = 0; flat < size; flat++) {
    map[flat] = position;
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      const c = (counter[axis] ?? 0) + 1;
      const stride = strides[axis] ?? 0;
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

/** out[i] = x[map[i]]. */
export function gather(x: NdArray, map: Int32Array, out: ValueType, op: string): NdArray {
  const data = new Float64Array(map.length);
  for (let i = 0; i < map.length; i++) data[i] = x.data[map[i] ?? 0] ?? 0;
  return new NdArray(data, out.shape, out.dtype, op);
}

/** Writes x into `target` at the positions of `map` (target[map[i]] = x[i]). */
export function scatterInto(target: Float64Array, x: NdArray, map: Int32Array): void {
  for (let i = 0; i < map.length; i++) target[map[i] ?? 0] = x.data[i] ?? 0;
}
