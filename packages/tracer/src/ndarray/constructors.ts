import { AttributeError, ShapeError } from '../errors.js';
import { dtypeOfNumber, promoteTypes, type DType } from './dtype.js';
import { NdArray, type ClearOperand, type NestedNumbers } from './ndarray.js';
import { checkShape, sizeOf } from './shape.js';

/** Shape of nested arrays; ragged nesting is a ShapeError. */
function nestedShape(value: NestedNumbers): number[] {
  if (!Array.isArray(value)) return [];
  const items = value as readonly NestedNumbers[];
  if (items.length === 0) return [0];
  const inner = nestedShape(items[0] as NestedNumbers);
  for (const item of items) {
    const shape = nestedShape(item);
    if (shape.length !== inner.length || shape.some((d, i) => d !== inner[i])) {
      throw new ShapeError('array: nested arrays are ragged (sub-arrays of different shapes)');
    }
  }
  return [items.length, ...inner];
}

function flatten(value: NestedNumbers, out: number[]): void {
  if (Array.isArray(value)) {
    for (const item of value as readonly NestedNumbers[]) flatten(item, out);
  } else if (typeof value === 'boolean') {
    out.push(value ? 1 : 0);
  } else if (typeof value === 'number') {
    out.push(value);
  } else {
    throw new AttributeError(`array: expected numbers, got ${JSON.stringify(value)}`);
  }
}

/** `np.array`: from nested arrays, a number or another NdArray; dtype inferred unless given. */
export function array(value: ClearOperand, dtype?: DType): NdArray {
  if (value instanceof NdArray) return dtype === undefined || dtype === value.dtype ? value : value.astype(dtype);
  const shape = nestedShape(value);
  const flat: number[] = [];
  flatten(value, flat);
  const inferred: DType = flat.every(Number.isInteger) ? 'int' : 'float';
  const target = dtype ?? inferred;
  const data = Float64Array.from(flat);
  if (target === 'int' && inferred === 'float') return new NdArray(data, shape, 'float').astype('int');
  return new NdArray(data, shape, target);
}

/** Alias of `array` for nested JS arrays. */
export const fromNested = array;

export function full(shape: readonly number[], value: number, dtype: DType = dtypeOfNumber(value)): NdArray {
  checkShape(shape, 'full');
  return new NdArray(new Float64Array(sizeOf(shape)).fill(value), shape, dtype, 'full');
}

export function zeros(shape: readonly number[], dtype: DType = 'int'): NdArray {
  return full(shape, 0, dtype);
}

export function ones(shape: readonly number[], dtype: DType = 'int'): NdArray {
  return full(shape, 1, dtype);
}

/** `np.arange(stop)` / `np.arange(start, stop, step)`: ceil((stop - start) / step) values. */
export function arange(startOrStop: number, stop?: number, step = 1): NdArray {
  const start = stop === undefined ? 0 : startOrStop;
  const end = stop ?? startOrStop;
  if (step === 0 || !Number.isFinite(step)) throw new AttributeError('arange: step must be a non-zero finite number');
  const length = Math.max(0, Math.ceil((end - start) / step));
  const data = new Float64Array(length);
  for (let i = 0; i < length; i++) data[i] = start + i * step;
  const dtype = promoteTypes(dtypeOfNumber(start), dtypeOfNumber(end), dtypeOfNumber(step));
  return new NdArray(data, [length], dtype, 'arange');
}
