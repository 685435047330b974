/** Why a frame was rejected. */
export type DeserializationFailure =
  | 'truncated'
  | 'oversized'
  | 'bad-magic'
  | 'unknown-version'
  | 'unknown-kind'
  | 'wrong-kind'
  | 'parameter-mismatch'
  | 'checksum-mismatch'
  | 'length-mismatch'
  | 'malformed';

/** Bytes that are not a valid frame of the expected kind and parameters. Nothing was decoded. */
export class DeserializationError extends Error {
  override readonly name = 'DeserializationError';
  constructor(
    readonly reason: DeserializationFailure,
    message: string,
  ) {
    super(`cannot deserialize: ${message}`);
  }
}

/** Values that cannot be framed (unknown kind, bad section, too large). */
export class SerializationError extends Error {
  override readonly name = 'SerializationError';
}
