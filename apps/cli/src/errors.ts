/** A mistake of the person running the command (bad argument, missing or malformed file): exit code 1, one line. */
export class UserError extends Error {
  override readonly name: string = 'UserError';
}

/** Error names thrown by @cml packages that describe bad input rather than a bug. */
const USER_ERROR_NAMES = new Set([
  'UserError',
  'DeploymentError',
  'CorruptedDataError',
  'CircuitMismatchError',
  'ModelFormatError',
  'FeatureCountError',
  'InvalidInputError',
  'InvalidParameterError',
  'LabelError',
  'UnsupportedModelError',
  'NotFittedError',
  'DeserializationError',
  'ParameterMismatchError',
  'UnsupportedLayerError',
  'ServerConfigError',
  'WebNotBuiltError',
]);

export function isUserError(error: unknown): error is Error {
  return error instanceof UserError || (error instanceof Error && USER_ERROR_NAMES.has(error.name));
}
