/**
 * How clear code recognizes a traced value without importing the tracer (which would make
 * NdArray and Tracer import each other): a Tracer carries this symbol-keyed method.
 */
export const APPLY_TRACED = Symbol.for('@cml/tracer.applyTraced');

export interface TracedValue {
  [APPLY_TRACED](name: string, operands: readonly unknown[], attrs: object | undefined): unknown;
}

export function isTraced(value: unknown): value is TracedValue {
  return typeof value === 'object' && value !== null && APPLY_TRACED in value;
}
