import { abs } from './abs.js';
import { add } from './add.js';
import { argmax } from './argmax.js';
import { astype } from './astype.js';
import { avgPool2d } from './avg-pool2d.js';
import { bitwiseAnd } from './bitwise-and.js';
import { bitwiseNot } from './bitwise-not.js';
import { bitwiseOr } from './bitwise-or.js';
import { bitwiseXor } from './bitwise-xor.js';
import { broadcastTo } from './broadcast-to.js';
import { ceil } from './ceil.js';
import { clip } from './clip.js';
import { concatenate } from './concatenate.js';
import { conv1d } from './conv1d.js';
import { conv2d } from './conv2d.js';
import { cos } from './cos.js';
import { divide } from './divide.js';
import { dot } from './dot.js';
import { equal } from './equal.js';
import { erf } from './erf.js';
import { exp } from './exp.js';
import { expandDims } from './expand-dims.js';
import { flatten } from './flatten.js';
import { floorDivide } from './floor-divide.js';
import { floor } from './floor.js';
import { getItem } from './get-item.js';
import { greaterEqual } from './greater-equal.js';
import { greater } from './greater.js';
import { leftShift } from './left-shift.js';
import { lessEqual } from './less-equal.js';
import { less } from './less.js';
import { log } from './log.js';
import { log1p } from './log1p.js';
import { logicalAnd } from './logical-and.js';
import { logicalNot } from './logical-not.js';
import { logicalOr } from './logical-or.js';
import { lookup } from './lookup.js';
import { matmul } from './matmul.js';
import { maxPool2d } from './max-pool2d.js';
import { max } from './max.js';
import { maximum } from './maximum.js';
import { mean } from './mean.js';
import { min } from './min.js';
import { minimum } from './minimum.js';
import { multiply } from './multiply.js';
import { negative } from './negative.js';
import { notEqual } from './not-equal.js';
import { pad } from './pad.js';
import { power } from './power.js';
import { relu } from './relu.js';
import { reshape } from './reshape.js';
import { rightShift } from './right-shift.js';
import { roundBitPattern } from './round-bit-pattern.js';
import { round } from './round.js';
import { sigmoid } from './sigmoid.js';
import { sign } from './sign.js';
import { sin } from './sin.js';
import { sqrt } from './sqrt.js';
import { square } from './square.js';
import { squeeze } from './squeeze.js';
import { stack } from './stack.js';
import { subtract } from './subtract.js';
import { sum } from './sum.js';
import { tan } from './tan.js';
import { tanh } from './tanh.js';
import { transpose } from './transpose.js';
import { truncateBitPattern } from './truncate-bit-pattern.js';
import { univariate } from './univariate.js';
import { where } from './where.js';
import { UnknownOpError } from '../errors.js';
import type { Attrs, OpDef } from './op.js';

/** Every primitive, in one list (the order of `opRegistry`'s iteration). */
function allOps(): readonly OpDef<Attrs>[] {
  return [
    abs,
    add,
    argmax,
    astype,
    avgPool2d,
    bitwiseAnd,
    bitwiseNot,
    bitwiseOr,
    bitwiseXor,
    broadcastTo,
    ceil,
    clip,
    concatenate,
    conv1d,
    conv2d,
    cos,
    divide,
    dot,
    equal,
    erf,
    exp,
    expandDims,
    flatten,
    floorDivide,
    floor,
    getItem,
    greaterEqual,
    greater,
    leftShift,
    lessEqual,
    less,
    log,
    log1p,
    logicalAnd,
    logicalNot,
    logicalOr,
    lookup,
    matmul,
    maxPool2d,
    max,
    maximum,
    mean,
    min,
    minimum,
    multiply,
    negative,
    notEqual,
    pad,
    power,
    relu,
    reshape,
    rightShift,
    roundBitPattern,
    round,
    sigmoid,
    sign,
    sin,
    sqrt,
    square,
    squeeze,
    stack,
    subtract,
    sum,
    tan,
    tanh,
    transpose,
    truncateBitPattern,
    univariate,
    where,
  ] as unknown as readonly OpDef<Attrs>[];
}

let registry: ReadonlyMap<string, OpDef<Attrs>> | undefined;

/**
 * name -> op definition. Built on first use, so an op module may import the registry's
 * dependents (NdArray) without an import-order trap.
 */
export function opRegistry(): ReadonlyMap<string, OpDef<Attrs>> {
  registry ??= new Map(allOps().map((op) => [op.name, op]));
  return registry;
}

/** The op named `name`, or an UnknownOpError listing what exists. */
export function getOp(name: string): OpDef<Attrs> {
  const op = opRegistry().get(name);
  if (!op) throw new UnknownOpError(`unknown operation '${name}' (known: ${[...opRegistry().keys()].join(', ')})`);
  return op;
}
