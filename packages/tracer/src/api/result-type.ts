import type { NdArray, ClearOperand } from '../ndarray/ndarray.js';
import type { Tracer } from '../tracing/tracer.js';

/** An op operand: a traced value or a clear one. */
export type Operand = Tracer | ClearOperand;

/** Whether an operand type is always traced ('tracer'), never ('clear'), or may be either ('maybe'). */
export type OperandKind<T> = [T] extends [Tracer] ? 'tracer' : [Extract<T, Tracer>] extends [never] ? 'clear' : 'maybe';

/**
 * The static type of an op's result: a Tracer if any operand is one, an NdArray if none can
 * be, and either when an operand's type allows both (a function written for both).
 */
export type ResultOf<Ts extends readonly unknown[]> =
  'tracer' extends { [K in keyof Ts]: OperandKind<Ts[K]> }[number]
    ? Tracer
    : 'maybe' extends { [K in keyof Ts]: OperandKind<Ts[K]> }[number]
      ? Tracer | NdArray
      : NdArray;
