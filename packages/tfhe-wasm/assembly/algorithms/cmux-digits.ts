import { mulAdd, mulSub } from '../fft/fused-arithmetic';
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
 * The carried states are written only when more levels remain (level > 1). It equals
 * rotationDifferenceToStates followed by decompositionNextDigitsTwisted, without writing and
 * reading back the N states in between.
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
  const below = <usize>(b & ~1) << 3;
  const above = <usize>((b + 1) & ~1) << 3;
  // Source offsets from src + p (wrapping usize arithmetic: x - t may be negative).
  const straightLow = <usize>0 - sb;
  const wrappedLow = nb - sb;
  const straightHigh = mb - sb;
  const wrappedHigh = mb + nb - sb;
  if (lowWraps) {
    digitsSegment(fourier, states, src, 0, below, wrappedLow, wrapSign, straightHigh, straightSign, mb, baseLog, level, twiddles);
  } else {
    digitsSegment(fourier, states, src, 0, below, wrappedLow, wrapSign, wrappedHigh, wrapSign, mb, baseLog, level, twiddles);
  }
  if (above != below) {
    const lowRot = rotatedPair(src, below, sb, nb, wrapSign, straightSign);
    const highRot = rotatedPair(src, below + mb, sb, nb, wrapSign, straightSign);
    digitsPair(fourier, states, src, below, lowRot, highRot, mb, baseLog, level, twiddles);
  }
  if (lowWraps) {
    digitsSegment(fourier, states, src, above, mb, straightLow, straightSign, straightHigh, straightSign, mb, baseLog, level, twiddles);
  } else {
    digitsSegment(fourier, states, src, above, mb, wrappedLow, wrapSign, straightHigh, straightSign, mb, baseLog, level, twiddles);
  }
}

/** digitsPair over the coefficient bytes [from, to) of the low half, the rotated sources at fixed offsets and signs. */
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
): void {
  for (let p = from; p < to; p += 16) {
    const lowRot = conditionalNegate(v128.load(src + p + lowOffset), lowSign);
    const highRot = conditionalNegate(v128.load(src + p + highOffset), highSign);
    digitsPair(fourier, states, src, p, lowRot, highRot, mb, baseLog, level, twiddles);
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
  const pb = p << 1;
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
