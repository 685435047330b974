/** Bits of 1.5 * 2^116 and 1.5 * 2^65 (log2 M is added to their exponents). */
const WRAP_BITS: i64 = 0x4738000000000000;
const ROUND_13_BITS: i64 = 0x4408000000000000;

/**
 * The three v128 constants of fftBackwardAddTorus for M = 2^s points, at `at`:
 * wrap = 1.5 * 2^(116 + s), round = 1.5 * 2^(65 + s) (as f64 pairs) and round's bits (i64 pair),
 * built from their exponent fields.
 */
export function initTorusConstants(at: usize, m: i32): void {
  const scaleBits = <i64>ctz<i32>(m) << 52;
  const wrap = reinterpret<f64>(WRAP_BITS + scaleBits);
  const roundBits = ROUND_13_BITS + scaleBits;
  store<f64>(at, wrap);
  store<f64>(at, wrap, 8);
  store<i64>(at, roundBits, 16);
  store<i64>(at, roundBits, 24);
  store<i64>(at, roundBits, 32);
  store<i64>(at, roundBits, 40);
}
