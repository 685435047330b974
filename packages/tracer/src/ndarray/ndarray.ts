import { ArrayMethods } from '../api/methods.js';
import { applyOperation } from '../api/apply.js';
import { IntegerOverflowError, NonIntegerValueError, ShapeError } from '../errors.js';
import type { DType } from './dtype.js';
import { formatShape, sizeOf, stridesOf } from './shape.js';

/** Nested JS arrays of numbers (booleans count as 0/1), as numpy's `np.array` accepts them. */
export type NestedNumbers = number | boolean | readonly NestedNumbers[];

/** What a clear operand may be: an NdArray, a number or nested arrays of numbers. */
export type ClearOperand = NdArray | NestedNumbers;

/**
 * The largest integer an `int` array may hold: 2^53 - 1. A float64 holds every integer up to
 * 2^53, but 2^53 + 1 rounds to 2^53, so allowing 2^53 itself would let an overflowed result
 * pass unnoticed; with this bound any true result beyond it rounds to something rejected.
 */
export const MAX_EXACT_INTEGER = Number.MAX_SAFE_INTEGER;

/**
 * An n-dimensional array in the clear: a shape, a dtype and row-major float64 data. `int`
 * arrays hold exact integers; any value outside [-(2^53 - 1), 2^53 - 1] is reported as an overflow
 * (where numpy's int64 would silently wrap or we would silently lose precision).
 */
export class NdArray extends ArrayMethods<NdArray, ClearOperand> {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly data: Float64Array;

  /** Takes ownership of `data`. For `int`, checks every value is an integer in range. */
  constructor(data: Float64Array, shape: readonly number[], dtype: DType, op = 'array') {
    super();
    if (data.length !== sizeOf(shape)) {
      throw new ShapeError(`${op}: ${data.length} values cannot fill shape ${formatShape(shape)}`);
    }
    if (dtype === 'int') checkIntegers(data, op);
    this.shape = Object.freeze([...shape]);
    this.dtype = dtype;
    this.data = data;
  }

  get ndim(): number {
    return this.shape.length;
  }

  get size(): number {
    return this.data.length;
  }

  get strides(): number[] {
    return stridesOf(this.shape);
  }

  /** The value of a one-element array. */
  item(): number {
    if (this.size !== 1) throw new ShapeError(`item: the array of shape ${formatShape(this.shape)} has ${this.size} elements, not 1`);
    return this.data[0] ?? 0;
  }

  /** Nested JS arrays (a number for a 0-d array). */
  toNested(): NestedNumbers {
    let position = 0;
    const build = (axis: number): NestedNumbers => {
      if (axis === this.shape.length) return this.data[position++] ?? 0;
      const out: NestedNumbers[] = [];
      for (let i = 0; i < (this.shape[axis] ?? 0); i++) out.push(build(axis + 1));
      return out;
    };
    return build(0);
  }

  /** The flat values, row-major. */
  toArray(): number[] {
    return Array.from(this.data);
  }

  override toString(): string {
    return `NdArray(${JSON.stringify(this.toNested())}, dtype=${this.dtype}, shape=${formatShape(this.shape)})`;
  }

  protected applyOp(name: string, operands: readonly unknown[], attrs?: object): NdArray {
    return applyOperation(name, operands, attrs) as NdArray;
  }
}

/** Throws unless every value is a finite integer of magnitude below 2^53; also turns -0 into 0. */
export function checkIntegers(data: Float64Array, op: string): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i] ?? 0;
    if (!Number.isInteger(v)) {
      throw new NonIntegerValueError(`${op}: an integer array cannot hold ${v}`);
    }
    if (v > MAX_EXACT_INTEGER || v < -MAX_EXACT_INTEGER) {
      throw new IntegerOverflowError(`${op}: integer result ${v} is beyond 2^53 - 1, the range where float64 integers are exact`);
    }
    if (v === 0) data[i] = 0;
  }
}
