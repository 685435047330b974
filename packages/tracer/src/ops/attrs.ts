import { AttributeError } from '../errors.js';
import { normalizeAxis } from '../ndarray/shape.js';
import type { Attrs } from './op.js';

/** An integer attribute (with a default when absent), at least `min`. */
export function intAttr(attrs: Attrs, key: string, op: string, options: { min?: number; fallback?: number } = {}): number {
  const value = attrs[key] ?? options.fallback;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new AttributeError(`${op}: attribute '${key}' must be an integer, got ${JSON.stringify(value)}`);
  }
  if (options.min !== undefined && value < options.min) {
    throw new AttributeError(`${op}: attribute '${key}' must be >= ${options.min}, got ${value}`);
  }
  return value;
}

export function boolAttr(attrs: Attrs, key: string, op: string, fallback = false): boolean {
  const value = attrs[key] ?? fallback;
  if (typeof value !== 'boolean') throw new AttributeError(`${op}: attribute '${key}' must be a boolean, got ${JSON.stringify(value)}`);
  return value;
}

/** A number or null (an open bound). */
export function optionalNumberAttr(attrs: Attrs, key: string, op: string): number | null {
  const value = attrs[key] ?? null;
  if (value !== null && typeof value !== 'number') {
    throw new AttributeError(`${op}: attribute '${key}' must be a number or null, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** `axis` of a reduction: null (all axes), one axis or a list; returned sorted, non-negative, unique. */
export function axesAttr(value: unknown, ndim: number, op: string): number[] {
  if (value === null || value === undefined) return Array.from({ length: ndim }, (_, i) => i);
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  const axes = list.map((a) => normalizeAxis(a, ndim, op));
  if (new Set(axes).size !== axes.length) throw new AttributeError(`${op}: repeated axis in ${JSON.stringify(value)}`);
  return axes.sort((a, b) => a - b);
}

/** A list of `n` integers, from one integer (repeated) or a list of length n. */
export function intTupleAttr(value: unknown, n: number, key: string, op: string, min: number): number[] {
  const list = typeof value === 'number' ? new Array<number>(n).fill(value) : value;
  if (!Array.isArray(list) || list.length !== n || !list.every((v) => Number.isInteger(v) && v >= min)) {
    throw new AttributeError(`${op}: attribute '${key}' must be an integer >= ${min} or a list of ${n} of them, got ${JSON.stringify(value)}`);
  }
  return list as number[];
}
