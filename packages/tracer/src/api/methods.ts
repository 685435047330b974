import type { DType } from '../ndarray/dtype.js';
import type { IndexItem } from './indexing.js';

/** An axis argument of a reduction: one axis, several, or all of them (`null`/omitted). */
export type Axis = number | readonly number[] | null;

/**
 * The numpy-style methods shared by `NdArray` (evaluated in the clear) and `Tracer` (recorded
 * into a graph). Each method only names the op and its attributes; the subclass decides what
 * applying an op means, so both kinds of value support exactly the same operations.
 * `Arg` is what a method accepts as its other operand.
 */
export abstract class ArrayMethods<Self, Arg> {
  /** Apply registered op `name` to `operands` (which include `this`) with `attrs`. */
  protected abstract applyOp(name: string, operands: readonly unknown[], attrs?: object): Self;

  add(y: Arg): Self {
    return this.applyOp('add', [this, y]);
  }
  subtract(y: Arg): Self {
    return this.applyOp('subtract', [this, y]);
  }
  sub(y: Arg): Self {
    return this.subtract(y);
  }
  multiply(y: Arg): Self {
    return this.applyOp('multiply', [this, y]);
  }
  mul(y: Arg): Self {
    return this.multiply(y);
  }
  /** True division: always float, like numpy's `/`. */
  divide(y: Arg): Self {
    return this.applyOp('divide', [this, y]);
  }
  div(y: Arg): Self {
    return this.divide(y);
  }
  /** numpy's `//`: rounds toward -infinity; int // int stays int. */
  floorDivide(y: Arg): Self {
    return this.applyOp('floorDivide', [this, y]);
  }
  power(y: Arg): Self {
    return this.applyOp('power', [this, y]);
  }
  pow(y: Arg): Self {
    return this.power(y);
  }
  negative(): Self {
    return this.applyOp('negative', [this]);
  }
  neg(): Self {
    return this.negative();
  }
  abs(): Self {
    return this.applyOp('abs', [this]);
  }
  square(): Self {
    return this.applyOp('square', [this]);
  }
  equal(y: Arg): Self {
    return this.applyOp('equal', [this, y]);
  }
  notEqual(y: Arg): Self {
    return this.applyOp('notEqual', [this, y]);
  }
  less(y: Arg): Self {
    return this.applyOp('less', [this, y]);
  }
  lessEqual(y: Arg): Self {
    return this.applyOp('lessEqual', [this, y]);
  }
  greater(y: Arg): Self {
    return this.applyOp('greater', [this, y]);
  }
  greaterEqual(y: Arg): Self {
    return this.applyOp('greaterEqual', [this, y]);
  }
  bitwiseAnd(y: Arg): Self {
    return this.applyOp('bitwiseAnd', [this, y]);
  }
  bitwiseOr(y: Arg): Self {
    return this.applyOp('bitwiseOr', [this, y]);
  }
  bitwiseXor(y: Arg): Self {
    return this.applyOp('bitwiseXor', [this, y]);
  }
  bitwiseNot(): Self {
    return this.applyOp('bitwiseNot', [this]);
  }
  leftShift(y: Arg): Self {
    return this.applyOp('leftShift', [this, y]);
  }
  rightShift(y: Arg): Self {
    return this.applyOp('rightShift', [this, y]);
  }
  logicalAnd(y: Arg): Self {
    return this.applyOp('logicalAnd', [this, y]);
  }
  logicalOr(y: Arg): Self {
    return this.applyOp('logicalOr', [this, y]);
  }
  logicalNot(): Self {
    return this.applyOp('logicalNot', [this]);
  }
  /** numpy's round: half to even, optionally at `decimals` decimal places. */
  round(decimals = 0): Self {
    return this.applyOp('round', [this], { decimals });
  }
  floor(): Self {
    return this.applyOp('floor', [this]);
  }
  ceil(): Self {
    return this.applyOp('ceil', [this]);
  }
  astype(dtype: DType): Self {
    return this.applyOp('astype', [this], { dtype });
  }
  exp(): Self {
    return this.applyOp('exp', [this]);
  }
  log(): Self {
    return this.applyOp('log', [this]);
  }
  log1p(): Self {
    return this.applyOp('log1p', [this]);
  }
  sqrt(): Self {
    return this.applyOp('sqrt', [this]);
  }
  sin(): Self {
    return this.applyOp('sin', [this]);
  }
  cos(): Self {
    return this.applyOp('cos', [this]);
  }
  tan(): Self {
    return this.applyOp('tan', [this]);
  }
  tanh(): Self {
    return this.applyOp('tanh', [this]);
  }
  sigmoid(): Self {
    return this.applyOp('sigmoid', [this]);
  }
  relu(): Self {
    return this.applyOp('relu', [this]);
  }
  erf(): Self {
    return this.applyOp('erf', [this]);
  }
  sign(): Self {
    return this.applyOp('sign', [this]);
  }
  /** Clamp into [min, max]; `null` leaves that side open. */
  clip(min: number | null, max: number | null): Self {
    return this.applyOp('clip', [this], { min, max });
  }
  maximum(y: Arg): Self {
    return this.applyOp('maximum', [this, y]);
  }
  minimum(y: Arg): Self {
    return this.applyOp('minimum', [this, y]);
  }
  sum(axis: Axis = null, keepdims = false): Self {
    return this.applyOp('sum', [this], { axis, keepdims });
  }
  max(axis: Axis = null, keepdims = false): Self {
    return this.applyOp('max', [this], { axis, keepdims });
  }
  min(axis: Axis = null, keepdims = false): Self {
    return this.applyOp('min', [this], { axis, keepdims });
  }
  mean(axis: Axis = null, keepdims = false): Self {
    return this.applyOp('mean', [this], { axis, keepdims });
  }
  /** Index of the first maximum, over the flattened array when `axis` is null. */
  argmax(axis: number | null = null, keepdims = false): Self {
    return this.applyOp('argmax', [this], { axis, keepdims });
  }
  dot(y: Arg): Self {
    return this.applyOp('dot', [this, y]);
  }
  matmul(y: Arg): Self {
    return this.applyOp('matmul', [this, y]);
  }
  /** New shape with the same size; one entry may be -1 (inferred). */
  reshape(...shape: number[] | [readonly number[]]): Self {
    const flat = (Array.isArray(shape[0]) ? shape[0] : shape) as readonly number[];
    return this.applyOp('reshape', [this], { shape: [...flat] });
  }
  flatten(): Self {
    return this.applyOp('flatten', [this]);
  }
  /** numpy's `.T`: the axes reversed. */
  get T(): Self {
    return this.transpose();
  }
  /** Permute axes; reverses them when `axes` is omitted. */
  transpose(axes: readonly number[] | null = null): Self {
    return this.applyOp('transpose', [this], { axes });
  }
  expandDims(axis: number | readonly number[]): Self {
    return this.applyOp('expandDims', [this], { axis });
  }
  /** Drop size-1 axes (all of them when `axis` is null). */
  squeeze(axis: Axis = null): Self {
    return this.applyOp('squeeze', [this], { axis });
  }
  broadcastTo(shape: readonly number[]): Self {
    return this.applyOp('broadcastTo', [this], { shape: [...shape] });
  }
  /**
   * numpy indexing: `x.get(0, slice(1, null, 2), newaxis, '::-1', '...')`. Integers may be
   * negative; a string is a compact slice ('1:5:2', ':', '::-1') or '...' (ellipsis).
   */
  get(...index: IndexItem[]): Self {
    return this.applyOp('getItem', [this], { index });
  }
  /** Constant padding: `padWidth` is [before, after] per axis, or one pair/number for all. */
  pad(padWidth: number | readonly number[] | readonly (readonly number[])[], value = 0): Self {
    return this.applyOp('pad', [this], { padWidth, value });
  }
}
