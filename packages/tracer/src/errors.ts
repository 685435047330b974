/**
 * Every error the tracer throws. Each names the problem (and the op, shapes or values involved)
 * so a user can fix the call without reading this package's sources.
 */

/** Two shapes cannot be combined (broadcasting, matmul, concatenate, reshape ...). */
export class ShapeError extends Error {
  override readonly name = 'ShapeError';
}

/** An op received a dtype it does not support (e.g. a bitwise op on floats). */
export class DTypeError extends Error {
  override readonly name = 'DTypeError';
}

/** An integer result left the range where float64 integers are exact (|v| > 2^53 - 1). */
export class IntegerOverflowError extends Error {
  override readonly name = 'IntegerOverflowError';
}

/** NaN, an infinity or a fraction where an integer is required. */
export class NonIntegerValueError extends Error {
  override readonly name = 'NonIntegerValueError';
}

/** An attribute (axis, stride, lsbs ...) is missing or out of range. */
export class AttributeError extends Error {
  override readonly name = 'AttributeError';
}

/** An index or slice does not fit the array it is applied to. */
export class IndexError extends Error {
  override readonly name = 'IndexError';
}

/** A graph names an op the registry does not know (e.g. while deserializing). */
export class UnknownOpError extends Error {
  override readonly name = 'UnknownOpError';
}

/** A graph is structurally wrong: dangling input ids, cycles, bad arity, inconsistent shapes. */
export class GraphError extends Error {
  override readonly name = 'GraphError';
}

/** Inputs handed to `evaluate`/`measureBounds` (or an inputset sample) do not match the graph. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Misuse while tracing: Python-style control flow on a traced value, bad spec, bad return. */
export class TracingError extends Error {
  override readonly name = 'TracingError';
}
