import { BadPayloadError, HttpError, KeyMismatchError } from './errors.js';

/**
 * Turns an error from the FHE layers into the HTTP error a client should see. Matched by
 * `name` (stable across package copies): bad bytes are the client's fault (400), keys or
 * ciphertexts made for another circuit or parameter set are a mismatch (409).
 */
export function toHttpError(error: unknown): unknown {
  if (error instanceof HttpError || !(error instanceof Error)) return error;
  const reason = (error as { reason?: unknown }).reason;
  switch (error.name) {
    case 'DeserializationError':
      return reason === 'parameter-mismatch' ? new KeyMismatchError(error.message) : new BadPayloadError(error.message);
    case 'CorruptedDataError':
    case 'CircuitUsageError':
      return new BadPayloadError(error.message);
    case 'CircuitMismatchError':
    case 'MissingLookupKeysError':
    case 'ParameterMismatchError':
      return new KeyMismatchError(error.message);
    default:
      return error;
  }
}
