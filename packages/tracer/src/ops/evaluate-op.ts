import { AttributeError, GraphError } from '../errors.js';
import type { DType } from '../ndarray/dtype.js';
import type { NdArray } from '../ndarray/ndarray.js';
import type { Attrs, OpDef, ValueType } from './op.js';
import { getOp } from './registry.js';

/** What an op application produces at trace time: canonical attributes, shape and dtype. */
export interface InferredOp {
  readonly attrs: Attrs;
  readonly shape: number[];
  readonly dtype: DType;
}

export function checkArity(op: OpDef<Attrs>, count: number): void {
  const [min, max] = typeof op.arity === 'number' ? [op.arity, op.arity] : op.arity;
  if (count < min || count > max) {
    const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new GraphError(`${op.name}: expects ${expected} inputs, got ${count}`);
  }
}

/** Runs an op's attribute, shape and dtype rules (no data needed). */
export function inferOp(name: string, inputs: readonly ValueType[], attrs: Attrs = {}): InferredOp {
  const op = getOp(name);
  checkArity(op, inputs.length);
  if (attrs === null || typeof attrs !== 'object') throw new AttributeError(`${name}: attributes must be an object`);
  const canonical = op.normalize(attrs, inputs);
  return { attrs: canonical, shape: op.shape(inputs, canonical), dtype: op.dtype(inputs, canonical) };
}

/** Evaluates op `name` in the clear. */
export function evaluateOp(name: string, inputs: readonly NdArray[], attrs: Attrs = {}): NdArray {
  const inferred = inferOp(name, inputs, attrs);
  return getOp(name).evaluate(inputs, inferred.attrs, inferred);
}
