import { AttributeError } from '../errors.js';

/** Number of elements of a shape (1 for a scalar, 0 when any axis is empty). */
export function sizeOf(shape: readonly number[]): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}

/** Row-major strides, in elements. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = stride;
    stride *= shape[i] ?? 1;
  }
  return strides;
}

/** numpy's tuple notation: `()`, `(3,)`, `(2, 3)`. */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** A possibly negative axis turned into 0..ndim-1, or an AttributeError naming the op. */
export function normalizeAxis(axis: unknown, ndim: number, op: string): number {
  if (typeof axis !== 'number' || !Number.isInteger(axis)) {
    throw new AttributeError(`${op}: axis must be an integer, got ${String(axis)}`);
  }
  if (axis < -ndim || axis >= ndim) {
    throw new AttributeError(`${op}: axis ${axis} is out of bounds for an array of dimension ${ndim}`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/** Checks a shape given by a user: a list of non-negative integers. */
export function checkShape(shape: unknown, op: string): number[] {
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new AttributeError(`${op}: a shape must be a list of non-negative integers, got ${JSON.stringify(shape)}`);
  }
  return shape as number[];
}
