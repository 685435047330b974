/** Constraints the optimizer cannot interpret (a negative norm, 0 lookups of 4 bits, ...). */
export class InvalidConstraintsError extends Error {
  override readonly name = 'InvalidConstraintsError';
}

/** What an unsatisfiable request asked for, so that callers can explain or retry. */
export interface UnsatisfiableRequest {
  readonly lookupPrecision: number;
  readonly norm2: number;
  /** The per-lookup failure probability the search had to meet. */
  readonly pError: number;
  readonly securityLevel: number;
}

/**
 * No parameter set in the search space meets the constraints: the lookups are too wide for
 * the largest polynomial size that fits in memory, the norm too large, or p_error too small.
 */
export class NoParametersError extends Error {
  override readonly name = 'NoParametersError';

  constructor(
    readonly request: UnsatisfiableRequest,
    reason: string,
  ) {
    const { lookupPrecision: p, norm2, pError, securityLevel } = request;
    const subject =
      p > 0 ? `${p}-bit table lookups fed by a linear combination of 2-norm ${norm2}` : 'a circuit without table lookups';
    super(
      `no ${securityLevel}-bit parameters for ${subject} at p_error 2^${Math.log2(pError).toFixed(1)}: ${reason}. ` +
        'To fix it, use fewer bits before each lookup (round the accumulator with roundBitPattern, or quantize ' +
        'to fewer bits), reduce the weights feeding the lookups, or accept a larger pError / globalPError.',
    );
  }
}
