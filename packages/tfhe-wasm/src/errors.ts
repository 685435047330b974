/** Typed errors of the public API: each names the problem in its message. */

/** A lookup table whose length is not 2^precision. */
export class LookupTableLengthError extends Error {
  override readonly name = 'LookupTableLengthError';
}

/** A clear value (plaintext, table entry, weight) outside the range its precision allows. */
export class ValueOutOfRangeError extends Error {
  override readonly name = 'ValueOutOfRangeError';
}

/** A ciphertext used with keys (or other ciphertexts) of a different parameter set or key. */
export class ParameterMismatchError extends Error {
  override readonly name = 'ParameterMismatchError';
}

/** A WASM-side object used after dispose(). */
export class DisposedError extends Error {
  override readonly name = 'DisposedError';
}

/** A parameter set that the core cannot run (not a power of two, out of range, unknown preset). */
export class InvalidParameterError extends Error {
  override readonly name = 'InvalidParameterError';
}

/**
 * A table lookup (bootstrap, keyswitch, batch or pool) asked of evaluation keys generated with
 * `evaluationKeys({ lookups: false })`, which hold no bootstrap key and no keyswitch key.
 */
export class MissingLookupKeysError extends Error {
  override readonly name = 'MissingLookupKeysError';
}
