/**
 * Probability that a bootstrap decodes the wrong value. With one padding bit a p-bit message
 * sits at multiples of Delta = 2^-(p+1) of the torus; decoding fails when the phase error,
 * Gaussian with variance sigma^2 = varianceBeforeBootstrap(...), exceeds Delta/2 in absolute
 * value:  p_fail = P(|N(0, sigma^2)| > 2^-(p+2)) = erfc(2^-(p+2) / (sqrt(2) * sigma)).
 */
import type { ParameterSet } from '../params/parameter-set.js';
import { InvalidParameterError } from '../errors.js';
import { erfc, log2Erfc } from './erfc.js';
import { varianceBeforeBootstrap } from './variance.js';

export interface PFailQuery {
  /** Bits of the table-lookup input (1..8 for the presets; any 1..62 is accepted). */
  readonly precision: number;
  /** 2-norm of the clear weights of the linear combination feeding the bootstrap (>= 0). */
  readonly norm2: number;
  /** Centered modulus switch (lower noise). Default false, as tfhe-rs's v0_11 sets assume. */
  readonly centered?: boolean;
}

function failureThreshold(params: ParameterSet, query: PFailQuery): number {
  const { precision, norm2 } = query;
  if (!Number.isInteger(precision) || precision < 1 || precision > 62) {
    throw new InvalidParameterError(`precision must be an integer number of bits from 1 to 62, got ${precision}`);
  }
  if (!(norm2 >= 0) || !Number.isFinite(norm2)) {
    throw new InvalidParameterError(`norm2 must be a finite non-negative number, got ${norm2}`);
  }
  const sigma = Math.sqrt(varianceBeforeBootstrap(params, norm2, query.centered ?? false));
  return 2 ** -(precision + 2) / (Math.SQRT2 * sigma);
}

/** log2 of the failure probability of one bootstrap (exact deep in the tail: -500 is fine). */
export function log2PFail(params: ParameterSet, query: PFailQuery): number {
  return log2Erfc(failureThreshold(params, query));
}

/** The failure probability of one bootstrap (0 once it underflows, below ~2^-1074). */
export function pFail(params: ParameterSet, query: PFailQuery): number {
  return erfc(failureThreshold(params, query));
}
