import { DTypeError, GraphError } from '../../errors.js';
import { broadcastShapes } from '../../ndarray/broadcast.js';
import { promoteTypes, type DType } from '../../ndarray/dtype.js';
import { mapBroadcast, mapUnary } from '../kernels/elementwise.js';
import { defineOp, type Attrs, type OpCategory, type OpDef, type ValueType } from '../op.js';

/** How an elementwise op picks its output dtype from its inputs'. */
export type DTypeRule = 'promote' | 'float' | 'int' | ((inputs: readonly DType[]) => DType);

function resolveDType(rule: DTypeRule, inputs: readonly ValueType[]): DType {
  if (typeof rule === 'function') return rule(inputs.map((x) => x.dtype));
  return rule === 'promote' ? promoteTypes(...inputs.map((x) => x.dtype)) : rule;
}

/** Rejects float inputs for ops numpy only defines on integers (bitwise ops, shifts, ...). */
export function requireIntegers(op: string, inputs: readonly ValueType[]): void {
  if (inputs.some((x) => x.dtype !== 'int')) {
    throw new DTypeError(`${op}: only defined on integers, got (${inputs.map((x) => x.dtype).join(', ')})`);
  }
}

interface UnarySpec {
  name: string;
  category?: OpCategory;
  dtype: DTypeRule;
  integersOnly?: boolean;
  linear?: boolean;
  /** The function on one value; `dtype` is the output dtype (some ops differ on int and float). */
  fn: (v: number, dtype: DType) => number;
}

/** A value-by-value op of one input: same shape out. */
export function defineUnary(spec: UnarySpec): OpDef<Attrs> {
  return defineOp({
    name: spec.name,
    category: spec.category ?? 'elementwise-unary',
    arity: 1,
    linearIn: [spec.linear ?? false],
    jointlyLinear: spec.linear ?? false,
    shape: ([x]) => [...(x?.shape ?? [])],
    dtype: (inputs) => {
      if (spec.integersOnly) requireIntegers(spec.name, inputs);
      return resolveDType(spec.dtype, inputs);
    },
    evaluate: ([x], _attrs, out) => {
      if (!x) throw new GraphError(`${spec.name}: missing input`);
      return mapUnary(x, (v) => spec.fn(v, out.dtype), out, spec.name);
    },
  });
}

interface BroadcastSpec {
  name: string;
  arity: 2 | 3;
  category: OpCategory;
  dtype: DTypeRule;
  integersOnly?: boolean;
  linearIn?: readonly boolean[];
  jointlyLinear?: boolean;
  fn: (dtype: DType, ...values: number[]) => number;
}

/** A value-by-value op of two or three inputs, with numpy broadcasting. */
export function defineBroadcast(spec: BroadcastSpec): OpDef<Attrs> {
  return defineOp({
    name: spec.name,
    category: spec.category,
    arity: spec.arity,
    linearIn: spec.linearIn ?? [false],
    jointlyLinear: spec.jointlyLinear ?? false,
    shape: (inputs) => inputs.reduce<number[]>((acc, x) => broadcastShapes(acc, x.shape, spec.name), []),
    dtype: (inputs) => {
      if (spec.integersOnly) requireIntegers(spec.name, inputs);
      return resolveDType(spec.dtype, inputs);
    },
    evaluate: (inputs, _attrs, out) => {
      const { fn } = spec;
      const dtype = out.dtype;
      const apply = spec.arity === 2 ? (a: number, b: number) => fn(dtype, a, b) : (...v: number[]) => fn(dtype, ...v);
      return mapBroadcast(inputs, apply, out, spec.name);
    },
  });
}

/** A binary value-by-value op (`category` defaults to elementwise-binary). */
export function defineBinary(spec: Omit<BroadcastSpec, 'arity' | 'category'> & { category?: OpCategory }): OpDef<Attrs> {
  return defineBroadcast({ category: 'elementwise-binary', ...spec, arity: 2 });
}

/** A comparison: int 0/1 out (numpy's bool), computed on the values as doubles. */
export function defineComparison(name: string, fn: (a: number, b: number) => boolean): OpDef<Attrs> {
  return defineBroadcast({ name, arity: 2, category: 'comparison', dtype: 'int', fn: (_d, a = 0, b = 0) => (fn(a, b) ? 1 : 0) });
}
