import { noise } from '@cml/tfhe-wasm';

/**
 * The largest noise variance (torus units) a p-bit message with one padding bit tolerates at a
 * failure probability pError. The message sits at multiples of 2^-(p+1); decoding fails when
 * |e| > 2^-(p+2), so with e ~ N(0, sigma^2):
 *
 *     p_fail = erfc(2^-(p+2) / (sqrt(2) * sigma))  <=  pError
 *     <=>  sigma <= 2^-(p+2) / (sqrt(2) * x),   where erfc(x) = pError.
 *
 * x is found by bisection on log2 erfc (decreasing in x), in log space so that pError = 2^-200
 * is as exact as 2^-10.
 */
export function maxVarianceFor(precision: number, pError: number): number {
  const x = inverseErfc(pError);
  const sigma = 2 ** -(precision + 2) / (Math.SQRT2 * x);
  return sigma * sigma;
}

/** x > 0 with erfc(x) = p, for 0 < p < 1. */
export function inverseErfc(p: number): number {
  const target = Math.log2(p);
  let lo = 0;
  let hi = 1;
  while (noise.log2Erfc(hi) > target) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (noise.log2Erfc(mid) > target) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** log2 of the probability that a centred Gaussian of `variance` leaves (-2^-(p+2), 2^-(p+2)). */
export function log2DecodingFailure(precision: number, variance: number): number {
  return noise.log2Erfc(2 ** -(precision + 2) / (Math.SQRT2 * Math.sqrt(variance)));
}
