/**
 * Centered modulus switch of an LWE ciphertext from q = 2^64 to 2N.
 *
 * Each mask element is rounded: a~_i = round(a_i * 2N / q) mod 2N, with rounding error
 * e_i = a~_i - a_i * 2N/q in [-1/2, 1/2]. With a binary key, sum_i e_i s_i
 *   = sum_i e_i (s_i - 1/2) + (1/2) sum_i e_i,
 * and the second term is public: folding it into the body before rounding,
 *   b~ = round((b + (q/2N) * (1/2) sum_i e_i) * 2N / q),
 * leaves the zero-mean term sum_i e_i (s_i - 1/2), whose variance n/48 (in units of
 * (q/2N)^2) is half the n/24 of the plain switch.
 * Writes the n switched mask values as u32 to `switchedMask` and returns b~.
 */
export function modulusSwitchCentered(switchedMask: usize, ct: usize, lweDimension: i32, polynomialSize: i32): i32 {
  const logTwoN = 64 - clz<u64>(<u64>polynomialSize); // log2(2N) for N a power of two
  const shift = <u64>(64 - logTwoN);
  const modMask: u64 = (<u64>polynomialSize << 1) - 1;
  let errorSum: i64 = 0;
  for (let i = 0; i < lweDimension; i++) {
    const a = load<u64>(ct + (<usize>i << 3));
    const rounded = ((a >> (shift - 1)) + 1) >> 1;
    // (a~ * q/2N - a), exactly, in units of the torus (|.| <= q/4N)
    errorSum += <i64>((rounded << shift) - a);
    store<u32>(switchedMask + (<usize>i << 2), <u32>(rounded & modMask));
  }
  const body = load<u64>(ct + (<usize>lweDimension << 3)) + <u64>(errorSum >> 1);
  return <i32>((((body >> (shift - 1)) + 1) >> 1) & modMask);
}
