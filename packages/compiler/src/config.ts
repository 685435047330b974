/** Compilation options; every field has a default (see DEFAULT_CONFIG). */
export interface CompilationConfig {
  /** Failure probability of one table lookup. Default 2^-40 unless only globalPError is given. */
  readonly pError?: number;
  /**
   * Failure probability of the whole circuit, split over its lookups and outputs. Given alone,
   * it replaces the per-lookup default (as in Concrete); given with pError, both must hold.
   */
  readonly globalPError?: number;
  /** Security level in bits; only 128 is available. */
  readonly security?: 128;
  /** Print progress (keygen, long runs) to the console. */
  readonly showProgress?: boolean;
  /** Progress hook: called with a phase name and the fraction done. */
  readonly onProgress?: (phase: string, done: number) => void;
  /** Worker threads for encrypted runs (0 = run on the calling thread). */
  readonly poolSize?: number;
  /** Largest message width to accept (bits). Default 16, the widest encoding of @cml/tfhe-wasm; the optimizer decides whether parameters exist. */
  readonly maxPrecision?: number;
  /**
   * 'exact' (default): lookups after roundBitPattern / truncateBitPattern still separate every
   * input value, so results are exact. 'approximate': the parameters only separate the rounded
   * values (P - lsbs bits of noise margin): much cheaper parameters, and a value near a
   * rounding boundary may be rounded one step the other way.
   */
  readonly rounding?: 'exact' | 'approximate';
}

export interface ResolvedConfig {
  /** undefined when only globalPError bounds the circuit. */
  readonly pError: number | undefined;
  readonly globalPError: number | undefined;
  readonly security: 128;
  readonly showProgress: boolean;
  readonly onProgress: ((phase: string, done: number) => void) | undefined;
  readonly poolSize: number;
  readonly maxPrecision: number;
  readonly rounding: 'exact' | 'approximate';
}

export const DEFAULT_P_ERROR = 2 ** -40;

export function resolveConfig(config: CompilationConfig = {}): ResolvedConfig {
  return {
    pError: config.pError ?? (config.globalPError === undefined ? DEFAULT_P_ERROR : undefined),
    globalPError: config.globalPError,
    security: config.security ?? 128,
    showProgress: config.showProgress ?? false,
    onProgress: config.onProgress,
    poolSize: config.poolSize ?? 0,
    maxPrecision: config.maxPrecision ?? 16,
    rounding: config.rounding ?? 'exact',
  };
}
