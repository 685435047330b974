import { NdArray } from '../../ndarray/ndarray.js';
import { broadcastIndexMap } from '../../ndarray/broadcast-index.js';
import { sizeOf } from '../../ndarray/shape.js';
import type { ValueType } from '../op.js';

/** Applies `fn` to each value. */
export function mapUnary(x: NdArray, fn: (v: number) => number, out: ValueType, op: string): NdArray {
  const data = new Float64Array(x.size);
  for (let i = 0; i < data.length; i++) data[i] = fn(x.data[i] ?? 0);
  return new NdArray(data, out.shape, out.dtype, op);
}

/** Applies `fn` value by value over the broadcast of all inputs to `out.shape`. */
export function mapBroadcast(
  inputs: readonly NdArray[],
  fn: (...values: number[]) => number,
  out: ValueType,
  op: string,
): NdArray {
  const size = sizeOf(out.shape);
  const data = new Float64Array(size);
  const [a, b] = inputs;
  if (inputs.length === 2 && a && b) {
    // The common binary case without spreading arguments per value.
    const aData = a.data;
    const bData = b.data;
    if (a.size === size && b.size === size) {
      for (let i = 0; i < size; i++) data[i] = fn(aData[i] ?? 0, bData[i] ?? 0);
    } else {
      const aMap = broadcastIndexMap(a.shape, out.shape);
      const bMap = broadcastIndexMap(b.shape, out.shape);
      for (let i = 0; i < size; i++) data[i] = fn(aData[aMap[i] ?? 0] ?? 0, bData[bMap[i] ?? 0] ?? 0);
    }
    return new NdArray(data, out.shape, out.dtype, op);
  }
  const maps = inputs.map((x) => broadcastIndexMap(x.shape, out.shape));
  const values = new Array<number>(inputs.length);
  for (let i = 0; i < size; i++) {
    for (let k = 0; k < inputs.length; k++) values[k] = inputs[k]?.data[maps[k]?.[i] ?? 0] ?? 0;
    data[i] = fn(...values);
  }
  return new NdArray(data, out.shape, out.dtype, op);
}
