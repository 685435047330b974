import { sizeOf, stridesOf } from './shape.js';

/**
 * For each flat index of `outShape`, the flat index of the element of an array of `inShape`
 * that broadcasting reads there (broadcast axes get stride 0). `inShape` must broadcast to
 * `outShape` (checked by the caller with `broadcastShapes`).
 */
export function broadcastIndexMap(inShape: readonly number[], outShape: readonly number[]): Int32Array {
  const size = sizeOf(outShape);
  const map = new Int32Array(size);
  const rank = outShape.length;
  const inStrides = stridesOf(inShape);
  const strides = new Array<number>(rank).fill(0);
  const offset = rank - inShape.length;
  for (let i = 0; i < inShape.length; i++) {
    strides[i + offset] = inShape[i] === 1 ? 0 : (inStrides[i] ?? 0);
  }
  const counter = new Array<number>(rank).fill(0);
  let position = 0;
  for (let flat = 0; flat < size; flat++) {
    map[flat] = position;
    for (let axis = rank - 1; axis >= 0; axis--) {
      const c = (counter[axis] ?? 0) + 1;
      const stride = strides[axis] ?? 0;
      if (c < (outShape[axis] ?? 1)) {
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
