import { ArrayMethods } from '../api/methods.js';
import { APPLY_TRACED, type TracedValue } from '../api/tracer-brand.js';
import { TracingError } from '../errors.js';
import type { DType } from '../ndarray/dtype.js';
import { formatShape, sizeOf } from '../ndarray/shape.js';
import type { GraphBuilder } from './graph-builder.js';

import type { Operand } from '../api/result-type.js';

const CONTROL_FLOW_MESSAGE =
  'cannot use a traced value in an if, a comparison or an arithmetic operator (its value is unknown while tracing, and encrypted at run time); ' +
  'use np.where(cond, a, b) and methods such as x.greater(y), x.add(y) instead';

/**
 * A value flowing through a function being traced: it knows its shape, dtype and whether it
 * is encrypted, never its value. Every op on it adds a node to the graph being built.
 */
export class Tracer extends ArrayMethods<Tracer, Operand> implements TracedValue {
  /** @internal Created by the tracing machinery only. */
  constructor(
    private readonly builder: GraphBuilder,
    readonly nodeId: number,
    readonly shape: readonly number[],
    readonly dtype: DType,
    readonly encrypted: boolean,
  ) {
    super();
  }

  get ndim(): number {
    return this.shape.length;
  }

  get size(): number {
    return sizeOf(this.shape);
  }

  /** @internal The graph builder this value belongs to. */
  belongsTo(builder: GraphBuilder): boolean {
    return this.builder === builder;
  }

  [APPLY_TRACED](name: string, operands: readonly unknown[], attrs: object | undefined): Tracer {
    return this.builder.apply(name, operands, attrs);
  }

  protected applyOp(name: string, operands: readonly unknown[], attrs?: object): Tracer {
    return this.builder.apply(name, operands, attrs);
  }

  /** Python-style control flow needs the value: impossible on a traced (encrypted) value. */
  override valueOf(): never {
    throw new TracingError(CONTROL_FLOW_MESSAGE);
  }

  [Symbol.toPrimitive](): never {
    throw new TracingError(CONTROL_FLOW_MESSAGE);
  }

  /** A description, not the graph builder behind the value. */
  toJSON(): string {
    return this.toString();
  }

  override toString(): string {
    return `Tracer(%${this.nodeId}, ${this.encrypted ? 'encrypted' : 'clear'} ${this.dtype}, shape=${formatShape(this.shape)})`;
  }
}
