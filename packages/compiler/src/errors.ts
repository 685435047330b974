/**
 * Every error the compiler and its runtime throw. Each names the problem and what to change.
 */

/** The graph uses an operation the compiler cannot lower to table lookups and linear ops. */
export class UnsupportedOperationError extends Error {
  override readonly name = 'UnsupportedOperationError';
}

/** A value left the range the circuit was compiled for (input bit-width or lookup window). */
export class OutOfBoundsError extends Error {
  override readonly name = 'OutOfBoundsError';
}

/** No parameter set meets the precision, norm and failure-probability constraints. */
export class ParameterSelectionError extends Error {
  override readonly name = 'ParameterSelectionError';
}

/** Keys, ciphertexts or programs from another circuit (different fingerprint or parameters). */
export class CircuitMismatchError extends Error {
  override readonly name = 'CircuitMismatchError';
}

/** Serialized bytes that cannot be read back (truncated, corrupted, wrong format or version). */
export class CorruptedDataError extends Error {
  override readonly name = 'CorruptedDataError';
}

/** Wrong arguments to a circuit call (count, shape, type, missing keys). */
export class CircuitUsageError extends Error {
  override readonly name = 'CircuitUsageError';
}
