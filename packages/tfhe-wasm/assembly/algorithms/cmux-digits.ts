import { mulAdd, mulSub } from '../fft/fused-arithmetic';
import { decompositionNextDigitsTwisted } from './decomposition';
/**
 * The first step of a CMUX's external product in one pass over memory: the rotation difference
 * of one accumulator polynomial, its rounding to decomposition states, its first (least
 * significant) digit and the fold-and-twist of the negacyclic FFT.
 *
 * With t = power mod N and sign = -1 when power >= N (X^N = -1):
 *   diff[x]  = -sign * src[x - t + N] - src[x]  (x < t),   sign * src[x - t] - src[x]  (x >= t)
 *   state[x] = round(diff[x] / 2^(64 - beta*l))                     (decompositionInitStates)
 *   d[x]     = state[x] mod B, taken in [-B/2, B/2), and state[x] <- (state[x] - d[x]) / B
 *   fourier  = z_j = (d_j + i*d_(j+M)) * w^j                        (decompositionNextDigitsTwisted)
 * The carried states are written only when more levels remain (level > 1), for
 * cmuxNextDigitsTwisted to take the next levels from. It equals rotationDifferenceToStates
 * followed by decompositionNextDigitsTwisted, without writing and reading back the N states in
 * between.
 *
 * NARROW_STATES: when beta*l <= 31 (every published set up to 7 bits) a state is below 2^31,
 * so after the 64-bit difference and shift the rounding, digits and carried states run on
 * i32x4, four coefficients an instruction instead of two, and the states are stored as u32
 * (half the bytes); digits become doubles by one conversion instruction. The results are
 * bit-identical to the 64-bit path; beta*l >= 32 keeps it.
 */
export function rotationDifferenceDigitsTwisted(
  fourier: usize,
  states: usize,
  src: usize,
  polynomialSize: i32,
  power: i32,
  baseLog: i32,
  level: i32,
  twiddles: usize,
): void {
  // The published sets' (base, level) pairs with constant shifts (decomposition.ts,
  // SHIFT_SPECIALIZATION), any other generic.
  if (level == 1) {
    if (baseLog == 23) rotationDigitsTwisted(fourier, states, src, polynomialSize, power, 23, 1, twiddles);
    else if (baseLog == 22) rotationDigitsTwisted(fourier, states, src, polynomialSize, power, 22, 1, twiddles);
    else if (baseLog == 17) rotationDigitsTwisted(fourier, states, src, polynomialSize, power, 17, 1, twiddles);
    else rotationDigitsTwisted(fourier, states, src, polynomialSize, power, baseLog, level, twiddles);
  } else if (level == 2 && baseLog == 15) {
    rotationDigitsTwisted(fourier, states, src, polynomialSize, power, 15, 2, twiddles);
  } else if (level == 3 && baseLog == 11) {
    rotationDigitsTwisted(fourier, states, src, polynomialSize, power, 11, 3, twiddles);
  } else {
    rotationDigitsTwisted(fourier, states, src, polynomialSize, power, baseLog, level, twiddles);
  }
}

/**
 * Coefficient x < M of X^t * src reads src[x - t] (straight, x >= t) or src[x - t + N]
 * (wrapped, x < t), and x + M reads src[x + M - t] or src[x + M - t + N]: so over x in [0, M)
 * there is one boundary b, where the low half stops wrapping (t <= M, b = t) or the high half
 * does (t > M, b = t - M). The loop runs in segments on either side of b, each reading both
 * halves at fixed offsets with fixed signs (no per-pair tests, fewer live registers: 1.2x);
 * when b is odd the pair that straddles it goes through rotatedPair.
 */
/** The largest beta*l whose decomposition states fit u32 lanes (see NARROW_STATES above). */
const NARROW_MAX_BITS: i32 = 31;

/**
 * The next level's digits of states written by rotationDifferenceDigitsTwisted (u32 when
 * beta*l <= 31, else u64 as decompositionNextDigitsTwisted takes them), twisted into
 * `fourier`; the states are carried on in place.
 */
export function cmuxNextDigitsTwisted(fourier: usize, states: usize, polynomialSize: i32, baseLog: i32, level: i32, twiddles: usize): void {
  if (baseLog * level > NARROW_MAX_BITS) decompositionNextDigitsTwisted(fourier, states, polynomialSize, baseLog, twiddles);
  else if (baseLog == 15) nextDigitsNarrow(fourier, states, polynomialSize, 15, twiddles);
  else nextDigitsNarrow(fourier, states, polynomialSize, baseLog, twiddles);
}

/** The u32-state version of decompositionNextDigitsTwisted: four coefficients of each half per iteration. */
// @ts-ignore: decorator
@inline
function nextDigitsNarrow(fourier: usize, states: usize, polynomialSize: i32, baseLog: i32, twiddles: usize): void {
  const half = <usize>polynomialSize << 1; // bytes of M u32 states
  for (let q: usize = 0; q < half; q += 16) {
    const lowState = v128.load(states + q);
    const highState = v128.load(states + half + q);
    const lowDigit = digitNarrow(lowState, baseLog);
    const highDigit = digitNarrow(highState, baseLog);
    const lowCarry = i32x4.shr_u(lowDigit, baseLog - 1);
    const highCarry = i32x4.shr_u(highDigit, baseLog - 1);
    const x = signedDigitNarrow(lowDigit, lowCarry, baseLog);
    const y = signedDigitNarrow(highDigit, highCarry, baseLog);
    v128.store(states + q, carriedStateNarrow(lowState, lowCarry, baseLog));
    v128.store(states + half + q, carriedStateNarrow(highState, highCarry, baseLog));
    // Coefficients x..x+3 (u32 byte q) are points x..x+3: pair-layout bytes 4q and 4q + 32.
    twistQuad(fourier, x, y, q << 2, twiddles);
  }
}

// @ts-ignore: decorator
@inline
function rotationDigitsTwisted(
  fourier: usize,
  states: usize,
  src: usize,
  polynomialSize: i32,
  power: i32,
  baseLog: i32,
  level: i32,
  twiddles: usize,
): void {
  const negate = power >= polynomialSize;
  const t = negate ? power - polynomialSize : power;
  const m = polynomialSize >> 1;
  const sb = <usize>t << 3;
  const nb = <usize>polynomialSize << 3;
  const mb = nb >> 1;
  // -v = (v ^ m) - m with m = -1: the signs of the wrapped and straight parts as masks.
  const wrapSign = i64x2.splat(negate ? 0 : -1);
  const straightSign = i64x2.splat(negate ? -1 : 0);
  const lowWraps = t <= m;
  const b = lowWraps ? t : t - m;
  // Source offsets from src + p (wrapping usize arithmetic: x - t may be negative).
  const straightLow = <usize>0 - sb;
  const wrappedLow = nb - sb;
  const straightHigh = mb - sb;
  const wrappedHigh = mb + nb - sb;
  // Steps of four coefficients on u32 lanes (NARROW_STATES) or of two on u64 lanes; the step
  // around b (it may straddle it) reads its pairs through rotatedPair.
  const narrow = baseLog * level <= NARROW_MAX_BITS;
  const align = narrow ? 3 : 1;
  const below = <usize>(b & ~align) << 3;
  const above = <usize>((b + align) & ~align) << 3;
  const firstHigh = lowWraps ? straightHigh : wrappedHigh;
  const firstHighSign = lowWraps ? straightSign : wrapSign;
  const secondLow = lowWraps ? straightLow : wrappedLow;
  const secondLowSign = lowWraps ? straightSign : wrapSign;
  digitsSegment(fourier, states, src, 0, below, wrappedLow, wrapSign, firstHigh, firstHighSign, mb, baseLog, level, twiddles, narrow);
  if (above != below) {
    const low0 = rotatedPair(src, below, sb, nb, wrapSign, straightSign);
    const high0 = rotatedPair(src, below + mb, sb, nb, wrapSign, straightSign);
    if (narrow) {
      const low1 = rotatedPair(src, below + 16, sb, nb, wrapSign, straightSign);
      const high1 = rotatedPair(src, below + mb + 16, sb, nb, wrapSign, straightSign);
      digitsQuad(fourier, states, src, below, low0, low1, high0, high1, mb, baseLog, level, twiddles);
    } else {
      digitsPair(fourier, states, src, below, low0, high0, mb, baseLog, level, twiddles);
    }
  }
  digitsSegment(fourier, states, src, above, mb, secondLow, secondLowSign, straightHigh, straightSign, mb, baseLog, level, twiddles, narrow);
}

/**
 * The digit step over the coefficient bytes [from, to) of the low half, the rotated sources at
 * fixed offsets and signs: digitsQuad (narrow, from and to multiples of 32) or digitsPair.
 */
// @ts-ignore: decorator
@inline
function digitsSegment(
  fourier: usize,
  states: usize,
  src: usize,
  from: usize,
  to: usize,
  lowOffset: usize,
  lowSign: v128,
  highOffset: usize,
  highSign: v128,
  mb: usize,
  baseLog: i32,
  level: i32,
  twiddles: usize,
  narrow: bool,
): void {
  for (let p = from; p < to; p += narrow ? 32 : 16) {
    const low0 = conditionalNegate(v128.load(src + p + lowOffset), lowSign);
    const high0 = conditionalNegate(v128.load(src + p + highOffset), highSign);
    if (narrow) {
      const low1 = conditionalNegate(v128.load(src + p + lowOffset, 16), lowSign);
      const high1 = conditionalNegate(v128.load(src + p + highOffset, 16), highSign);
      digitsQuad(fourier, states, src, p, low0, low1, high0, high1, mb, baseLog, level, twiddles);
    } else {
      digitsPair(fourier, states, src, p, low0, high0, mb, baseLog, level, twiddles);
    }
  }
}

/**
 * For coefficients x, x + 1 (byte p) and x + M, x + M + 1, given their rotated values: the
 * differences with src, their states, first digits (states carried on when level > 1) and the
 * twisted transform input z = (d_x + i d_(x+M)) w^x.
 */
// @ts-ignore: decorator
@inline
function digitsPair(fourier: usize, states: usize, src: usize, p: usize, lowRot: v128, highRot: v128, mb: usize, baseLog: i32, level: i32, twiddles: usize): void {
  const roundShift = 64 - baseLog * level;
  const mask = i64x2.splat((<i64>1 << <i64>baseLog) - 1);
  const magicBits = i64x2.splat(MAGIC_BITS);
  const magic = f64x2.splat(MAGIC);
  const lowState = roundToStates(i64x2.sub(lowRot, v128.load(src + p)), roundShift);
  const lowDigit = v128.and(lowState, mask);
  const lowCarry = i64x2.shr_u(lowDigit, baseLog - 1);
  const x = f64x2.sub(i64x2.add(i64x2.sub(lowDigit, i64x2.shl(lowCarry, baseLog)), magicBits), magic);
  const highState = roundToStates(i64x2.sub(highRot, v128.load(src + mb + p)), roundShift);
  const highDigit = v128.and(highState, mask);
  const highCarry = i64x2.shr_u(highDigit, baseLog - 1);
  const y = f64x2.sub(i64x2.add(i64x2.sub(highDigit, i64x2.shl(highCarry, baseLog)), magicBits), magic);
  if (level > 1) {
    v128.store(states + p, i64x2.add(i64x2.shr_u(lowState, baseLog), lowCarry));
    v128.store(states + mb + p, i64x2.add(i64x2.shr_u(highState, baseLog), highCarry));
  }
  // Coefficients x, x + 1 (byte p) and x + M, x + M + 1 are points x, x + 1: pair-layout byte 2p.
  twistPair(fourier, x, y, p << 1, twiddles);
}

/**
 * digitsPair for four coefficients x..x+3 (byte p, x a multiple of 4) and x+M..x+M+3 with
 * u32 states (beta*l <= 31): the 64-bit differences are shifted so that a state and its
 * rounding bit fit 32 bits, packed four to a vector, and finished on i32x4.
 */
// @ts-ignore: decorator
@inline
function digitsQuad(
  fourier: usize,
  states: usize,
  src: usize,
  p: usize,
  low0: v128,
  low1: v128,
  high0: v128,
  high1: v128,
  mb: usize,
  baseLog: i32,
  level: i32,
  twiddles: usize,
): void {
  const roundShift = 64 - baseLog * level;
  const lowState = roundToStatesNarrow(i64x2.sub(low0, v128.load(src + p)), i64x2.sub(low1, v128.load(src + p, 16)), roundShift);
  const highState = roundToStatesNarrow(i64x2.sub(high0, v128.load(src + mb + p)), i64x2.sub(high1, v128.load(src + mb + p, 16)), roundShift);
  const lowDigit = digitNarrow(lowState, baseLog);
  const highDigit = digitNarrow(highState, baseLog);
  const lowCarry = i32x4.shr_u(lowDigit, baseLog - 1);
  const highCarry = i32x4.shr_u(highDigit, baseLog - 1);
  const x = signedDigitNarrow(lowDigit, lowCarry, baseLog);
  const y = signedDigitNarrow(highDigit, highCarry, baseLog);
  if (level > 1) {
    // u32 states: coefficient x at byte 4x, the high half from byte 4M = mb / 2.
    v128.store(states + (p >> 1), carriedStateNarrow(lowState, lowCarry, baseLog));
    v128.store(states + (mb >> 1) + (p >> 1), carriedStateNarrow(highState, highCarry, baseLog));
  }
  twistQuad(fourier, x, y, p << 1, twiddles);
}

/**
 * round(v / 2^shift) of four 64-bit values (two vectors) as u32 lanes, shift >= 33: v >> (shift - 1)
 * keeps the state and its rounding bit in at most 32 bits, so only the low halves are kept.
 */
// @ts-ignore: decorator
@inline
function roundToStatesNarrow(v01: v128, v23: v128, shift: i32): v128 {
  const t = i32x4.shuffle(i64x2.shr_u(v01, shift - 1), i64x2.shr_u(v23, shift - 1), 0, 2, 4, 6);
  return i32x4.add(i32x4.shr_u(t, 1), v128.and(t, i32x4.splat(1)));
}

/** The least significant digits of four u32 states, state mod B in [0, B); the carry is digit >> (beta - 1). */
// @ts-ignore: decorator
@inline
function digitNarrow(state: v128, baseLog: i32): v128 {
  return v128.and(state, i32x4.splat((1 << baseLog) - 1));
}

/** The signed digits in [-B/2, B/2) as i32 lanes: a digit >= B/2 (carry 1) becomes digit - B. */
// @ts-ignore: decorator
@inline
function signedDigitNarrow(digit: v128, carry: v128, baseLog: i32): v128 {
  return i32x4.sub(digit, i32x4.shl(carry, baseLog));
}

/** The states after their least significant digits: (state - digit) / B = state / B + carry. */
// @ts-ignore: decorator
@inline
function carriedStateNarrow(state: v128, carry: v128, baseLog: i32): v128 {
  return i32x4.add(i32x4.shr_u(state, baseLog), carry);
}

/**
 * z = (x + i y) * w for points x..x+3 from i32 digits (lanes 0..3 of x: real parts, of y:
 * imaginary parts), written as two pairs at pair-layout byte pb and pb + 32.
 */
// @ts-ignore: decorator
@inline
function twistQuad(fourier: usize, x: v128, y: v128, pb: usize, twiddles: usize): void {
  twistPair(fourier, f64x2.convert_low_i32x4_s(x), f64x2.convert_low_i32x4_s(y), pb, twiddles);
  const xHigh = i32x4.shuffle(x, x, 2, 3, 2, 3);
  const yHigh = i32x4.shuffle(y, y, 2, 3, 2, 3);
  twistPair(fourier, f64x2.convert_low_i32x4_s(xHigh), f64x2.convert_low_i32x4_s(yHigh), pb + 32, twiddles);
}

/** z = (x + i y) * w for the pair of points at pair-layout byte pb. */
// @ts-ignore: decorator
@inline
function twistPair(fourier: usize, x: v128, y: v128, pb: usize, twiddles: usize): void {
  const wr = v128.load(twiddles + pb);
  const wi = v128.load(twiddles + pb, 16);
  v128.store(fourier + pb, mulSub(x, wr, y, wi));
  v128.store(fourier + pb, mulAdd(x, wi, y, wr), 16);
}

/** 2^52 + 2^51 as bits and as a double (the magic-number i64 -> f64 conversion of small digits). */
const MAGIC_BITS: i64 = 0x4338000000000000;
const MAGIC: f64 = 6755399441055744.0;

/** (X^t * src)[x], [x + 1] with the signs above, x even (byte offset xb), t = sb / 8. */
// @ts-ignore: decorator
@inline
function rotatedPair(src: usize, xb: usize, sb: usize, nb: usize, wrapSign: v128, straightSign: v128): v128 {
  if (xb >= sb) return conditionalNegate(v128.load(src + xb - sb), straightSign);
  if (xb + 8 < sb) return conditionalNegate(v128.load(src + nb - sb + xb), wrapSign);
  // The seam (t odd): lane 0 wraps to src[N - 1], lane 1 starts at src[0].
  const wrapped = conditionalNegate(i64x2.splat(load<i64>(src + nb - 8)), wrapSign);
  const straight = conditionalNegate(i64x2.splat(load<i64>(src)), straightSign);
  return i64x2.replace_lane(wrapped, 1, i64x2.extract_lane(straight, 1));
}

// @ts-ignore: decorator
@inline
function conditionalNegate(v: v128, sign: v128): v128 {
  return i64x2.sub(v128.xor(v, sign), sign);
}

/** round(v / 2^shift) for two lanes (shift <= 0: unchanged), as decompositionInitStates. */
// @ts-ignore: decorator
@inline
function roundToStates(v: v128, shift: i32): v128 {
  if (shift <= 0) return v;
  return i64x2.add(i64x2.shr_u(v, shift), v128.and(i64x2.shr_u(v, shift - 1), i64x2.splat(1)));
}
