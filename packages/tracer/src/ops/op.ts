import type { DType } from '../ndarray/dtype.js';
import type { NdArray } from '../ndarray/ndarray.js';

/** What the shape and dtype rules see of a value: no data, so they run at trace time. */
export interface ValueType {
  readonly shape: readonly number[];
  readonly dtype: DType;
}

/** Attributes as stored in a graph: plain JSON-like data. */
export type Attrs = Readonly<Record<string, unknown>>;

/**
 * How the compiler groups ops. `elementwise-*` and `comparison` act value by value (with
 * broadcasting); `reduction` folds axes; `linear` ops (dot, matmul, conv) are sums of products;
 * `movement` only rearranges values; `pooling` folds windows; `lookup` applies a table or a
 * function (one PBS per value in FHE); `marker` ops (round/truncate bit pattern) are exact in
 * the clear but tell the compiler where precision may be dropped.
 */
export type OpCategory =
  | 'elementwise-unary'
  | 'elementwise-binary'
  | 'elementwise-ternary'
  | 'comparison'
  | 'reduction'
  | 'linear'
  | 'movement'
  | 'pooling'
  | 'lookup'
  | 'marker';

/** One primitive: its rules and its clear evaluation (JAX's autodidax, one registry entry each). */
export interface OpDef<A = Attrs> {
  readonly name: string;
  readonly category: OpCategory;
  /** Exact number of inputs, or [min, max] (max may be Infinity). */
  readonly arity: number | readonly [number, number];
  /**
   * Per input: is the op affine in that input when the others are held fixed, i.e.
   * f(a + b) + f(0) = f(a) + f(b)? (The last entry stands for all further inputs of a
   * variadic op.) `multiply` is [true, true]; ops/metadata.test.ts checks every claim.
   */
  readonly linearIn: readonly boolean[];
  /** Affine in all inputs at once (add, concatenate): encrypted operands need no PBS. */
  readonly jointlyLinear: boolean;
  /** Checks attributes against the inputs and returns their canonical form (stored in graphs). */
  normalize(attrs: Attrs, inputs: readonly ValueType[]): A;
  shape(inputs: readonly ValueType[], attrs: A): number[];
  dtype(inputs: readonly ValueType[], attrs: A): DType;
  /** Clear evaluation; `out` is what the shape and dtype rules returned for these inputs. */
  evaluate(inputs: readonly NdArray[], attrs: A, out: ValueType): NdArray;
}

export type OpSpec<A> = Omit<OpDef<A>, 'normalize' | 'linearIn' | 'jointlyLinear'> &
  Partial<Pick<OpDef<A>, 'normalize' | 'linearIn' | 'jointlyLinear'>>;

/** Fills the defaults: no attributes, not linear. */
export function defineOp<A = Attrs>(spec: OpSpec<A>): OpDef<A> {
  return Object.freeze({
    normalize: () => ({}) as A,
    linearIn: [false],
    jointlyLinear: false,
    ...spec,
  });
}

/** Whether `op` is linear in input `index` with the others held fixed. */
export function isLinearIn(op: OpDef<unknown>, index: number): boolean {
  return op.linearIn[Math.min(index, op.linearIn.length - 1)] ?? false;
}
