import { arange, array, full, ones, zeros } from '../ndarray/constructors.js';
import type { DType } from '../ndarray/dtype.js';
import { applyOperation } from './apply.js';
import { LookupTable, roundBitPattern, truncateBitPattern, univariate } from './extensions.js';
import { ellipsis, newaxis, slice, type IndexItem } from './indexing.js';
import type { Axis } from './methods.js';
import type { Operand, ResultOf } from './result-type.js';

function unary(name: string) {
  return <T extends Operand>(x: T): ResultOf<[T]> => applyOperation(name, [x]) as ResultOf<[T]>;
}

function binary(name: string) {
  return <A extends Operand, B extends Operand>(a: A, b: B): ResultOf<[A, B]> => applyOperation(name, [a, b]) as ResultOf<[A, B]>;
}

function reduction(name: string) {
  return <T extends Operand>(x: T, axis: Axis = null, keepdims = false): ResultOf<[T]> =>
    applyOperation(name, [x], { axis, keepdims }) as ResultOf<[T]>;
}

/** Window options of conv and pooling ops: one number for every spatial axis, or one each. */
export interface ConvOptions {
  readonly stride?: number | readonly number[];
  /** n, one per spatial axis, or ONNX's begins-then-ends list ([top, left, bottom, right]). */
  readonly padding?: number | readonly number[];
  readonly dilation?: number | readonly number[];
  readonly groups?: number;
}

export interface PoolOptions extends Omit<ConvOptions, 'groups'> {
  readonly kernelShape: number | readonly number[];
  /** avgPool2d only: divide by the whole window, padding included. */
  readonly countIncludePad?: boolean;
}

function conv(name: string) {
  return <X extends Operand, W extends Operand, B extends Operand | undefined = undefined>(
    x: X,
    weight: W,
    bias?: B,
    options: ConvOptions = {},
  ): ResultOf<[X, W, B]> => applyOperation(name, bias === undefined ? [x, weight] : [x, weight, bias], options) as ResultOf<[X, W, B]>;
}

/**
 * numpy-like functions that work on Tracers (recording a graph) and on NdArrays, numbers and
 * nested arrays (computing in the clear), so one user function serves both.
 */
export const np = Object.freeze({
  array,
  zeros,
  ones,
  full,
  arange,
  newaxis,
  ellipsis,
  slice,
  LookupTable,
  univariate,
  roundBitPattern,
  truncateBitPattern,
  add: binary('add'),
  subtract: binary('subtract'),
  multiply: binary('multiply'),
  divide: binary('divide'),
  trueDivide: binary('divide'),
  floorDivide: binary('floorDivide'),
  power: binary('power'),
  negative: unary('negative'),
  abs: unary('abs'),
  absolute: unary('abs'),
  square: unary('square'),
  equal: binary('equal'),
  notEqual: binary('notEqual'),
  less: binary('less'),
  lessEqual: binary('lessEqual'),
  greater: binary('greater'),
  greaterEqual: binary('greaterEqual'),
  bitwiseAnd: binary('bitwiseAnd'),
  bitwiseOr: binary('bitwiseOr'),
  bitwiseXor: binary('bitwiseXor'),
  bitwiseNot: unary('bitwiseNot'),
  invert: unary('bitwiseNot'),
  leftShift: binary('leftShift'),
  rightShift: binary('rightShift'),
  logicalAnd: binary('logicalAnd'),
  logicalOr: binary('logicalOr'),
  logicalNot: unary('logicalNot'),
  rint: unary('round'),
  round: <T extends Operand>(x: T, decimals = 0): ResultOf<[T]> => applyOperation('round', [x], { decimals }) as ResultOf<[T]>,
  floor: unary('floor'),
  ceil: unary('ceil'),
  astype: <T extends Operand>(x: T, dtype: DType): ResultOf<[T]> => applyOperation('astype', [x], { dtype }) as ResultOf<[T]>,
  exp: unary('exp'),
  log: unary('log'),
  log1p: unary('log1p'),
  sqrt: unary('sqrt'),
  sin: unary('sin'),
  cos: unary('cos'),
  tan: unary('tan'),
  tanh: unary('tanh'),
  sigmoid: unary('sigmoid'),
  relu: unary('relu'),
  erf: unary('erf'),
  sign: unary('sign'),
  clip: <T extends Operand>(x: T, min: number | null, max: number | null): ResultOf<[T]> =>
    applyOperation('clip', [x], { min, max }) as ResultOf<[T]>,
  maximum: binary('maximum'),
  minimum: binary('minimum'),
  where: <C extends Operand, A extends Operand, B extends Operand>(cond: C, x: A, y: B): ResultOf<[C, A, B]> =>
    applyOperation('where', [cond, x, y]) as ResultOf<[C, A, B]>,
  sum: reduction('sum'),
  max: reduction('max'),
  amax: reduction('max'),
  min: reduction('min'),
  amin: reduction('min'),
  mean: reduction('mean'),
  argmax: <T extends Operand>(x: T, axis: number | null = null, keepdims = false): ResultOf<[T]> =>
    applyOperation('argmax', [x], { axis, keepdims }) as ResultOf<[T]>,
  dot: binary('dot'),
  matmul: binary('matmul'),
  reshape: <T extends Operand>(x: T, shape: readonly number[]): ResultOf<[T]> =>
    applyOperation('reshape', [x], { shape: [...shape] }) as ResultOf<[T]>,
  flatten: unary('flatten'),
  ravel: unary('flatten'),
  transpose: <T extends Operand>(x: T, axes: readonly number[] | null = null): ResultOf<[T]> =>
    applyOperation('transpose', [x], { axes }) as ResultOf<[T]>,
  expandDims: <T extends Operand>(x: T, axis: number | readonly number[]): ResultOf<[T]> =>
    applyOperation('expandDims', [x], { axis }) as ResultOf<[T]>,
  squeeze: <T extends Operand>(x: T, axis: Axis = null): ResultOf<[T]> => applyOperation('squeeze', [x], { axis }) as ResultOf<[T]>,
  broadcastTo: <T extends Operand>(x: T, shape: readonly number[]): ResultOf<[T]> =>
    applyOperation('broadcastTo', [x], { shape: [...shape] }) as ResultOf<[T]>,
  concatenate: <T extends Operand>(xs: readonly T[], axis = 0): ResultOf<T[]> =>
    applyOperation('concatenate', xs, { axis }) as ResultOf<T[]>,
  stack: <T extends Operand>(xs: readonly T[], axis = 0): ResultOf<T[]> => applyOperation('stack', xs, { axis }) as ResultOf<T[]>,
  pad: <T extends Operand>(
    x: T,
    padWidth: number | readonly number[] | readonly (readonly number[])[],
    value = 0,
  ): ResultOf<[T]> => applyOperation('pad', [x], { padWidth, value }) as ResultOf<[T]>,
  /** `x[index...]` as a function: `np.getItem(x, 0, slice(1, null, 2))`. */
  getItem: <T extends Operand>(x: T, ...index: IndexItem[]): ResultOf<[T]> => applyOperation('getItem', [x], { index }) as ResultOf<[T]>,
  conv1d: conv('conv1d'),
  conv2d: conv('conv2d'),
  maxPool2d: <T extends Operand>(x: T, options: PoolOptions): ResultOf<[T]> => applyOperation('maxPool2d', [x], options) as ResultOf<[T]>,
  avgPool2d: <T extends Operand>(x: T, options: PoolOptions): ResultOf<[T]> => applyOperation('avgPool2d', [x], options) as ResultOf<[T]>,
});
