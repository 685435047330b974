/** An error the server reports as a typed JSON body `{ error, message }` with an HTTP status. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class UnknownModelError extends HttpError {
  override name = 'UnknownModelError';
  constructor(id: string) {
    super(404, 'unknown_model', `no model named '${id}' is served here`);
  }
}

export class UnknownKeyError extends HttpError {
  override name = 'UnknownKeyError';
  constructor(id: string) {
    super(404, 'unknown_key', `no evaluation keys with id '${id}' (never uploaded, or evicted: upload them again)`);
  }
}

export class KeyMismatchError extends HttpError {
  override name = 'KeyMismatchError';
  constructor(message: string) {
    super(409, 'key_mismatch', message);
  }
}

export class BadPayloadError extends HttpError {
  override name = 'BadPayloadError';
  constructor(message: string) {
    super(400, 'bad_payload', message);
  }
}

export class UnsupportedMediaTypeError extends HttpError {
  override name = 'UnsupportedMediaTypeError';
  constructor(got: string | undefined) {
    super(415, 'unsupported_media_type', `the body must be application/octet-stream, got ${got ?? 'no content type'}`);
  }
}

export class OverloadedError extends HttpError {
  override name = 'OverloadedError';
  constructor(message: string) {
    super(503, 'overloaded', message);
  }
}

export class ServerConfigError extends Error {
  override name = 'ServerConfigError';
}
