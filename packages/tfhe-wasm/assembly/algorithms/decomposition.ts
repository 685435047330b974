import { mulAdd, mulSub } from '../fft/fused-arithmetic';
/**
 * Signed gadget decomposition with rounding, base B = 2^beta, l levels.
 *
 * A torus value v is first rounded to its closest multiple of q / B^l (q = 2^64):
 *   state = round(v / 2^(64 - beta*l))
 * then split into l digits d_j in [-B/2, B/2) with v ~ sum_(j=1..l) d_j * q / B^j:
 * digits come out least significant first (level l), a digit >= B/2 becomes d - B and
 * carries 1 into the next level. A carry out of level 1 is a multiple of q: dropped.
 * The rounding error |v - sum| <= q / (2 B^l) is part of the noise formulas.
 */
export function decompositionInitState(value: u64, baseLog: i32, level: i32): u64 {
  const shift = 64 - baseLog * level;
  if (shift <= 0) return value;
  return (value >> <u64>shift) + ((value >> <u64>(shift - 1)) & 1);
}

/** Rounds a whole polynomial into decomposition states (dst may equal src). */
export function decompositionInitStates(dst: usize, src: usize, count: i32, baseLog: i32, level: i32): void {
  const shift = 64 - baseLog * level;
  const end = <usize>count << 3;
  if (shift <= 0) {
    memory.copy(dst, src, end);
    return;
  }
  const one = i64x2.splat(1);
  for (let p: usize = 0; p < end; p += 16) {
    const v = v128.load(src + p);
    v128.store(dst + p, i64x2.add(i64x2.shr_u(v, shift), v128.and(i64x2.shr_u(v, shift - 1), one)));
  }
}

/** 2^52 + 2^51: adding it to a small integer's bits gives a double whose value is that offset plus the integer. */
const MAGIC_BITS: i64 = 0x4338000000000000;
const MAGIC: f64 = 6755399441055744.0;

/**
 * Takes the next (least significant remaining) digit of every state of a polynomial: writes
 * it to `digits` as f64 (ready for the FFT) and leaves the carried, shifted state in place.
 * Two lanes at a time; digits (|d| <= 2^(beta-1) < 2^51) become doubles by the magic-number
 * trick: bits(d + MAGIC_BITS) read as f64 is MAGIC + d.
 */
export function decompositionNextDigitsF64(digits: usize, states: usize, count: i32, baseLog: i32): void {
  const mask = i64x2.splat((<i64>1 << <i64>baseLog) - 1);
  const magicBits = i64x2.splat(MAGIC_BITS);
  const magic = f64x2.splat(MAGIC);
  const end = <usize>count << 3;
  for (let p: usize = 0; p < end; p += 16) {
    const state = v128.load(states + p);
    const digit = v128.and(state, mask);
    const carry = i64x2.shr_u(digit, baseLog - 1); // 1 when digit >= B/2
    const signed = i64x2.sub(digit, i64x2.shl(carry, baseLog));
    v128.store(states + p, i64x2.add(i64x2.shr_u(state, baseLog), carry));
    v128.store(digits + p, f64x2.sub(i64x2.add(signed, magicBits), magic));
  }
}

/**
 * decompositionNextDigitsF64 fused with the fold-and-twist step of the negacyclic FFT: the
 * digits d of a polynomial's next level go straight to z_j = (d_j + i*d_(j+M)) * w^j in
 * `fourier` (pair layout, twist table at `twiddles`), saving one pass over memory; the
 * caller then runs the complex FFT in place.
 */
export function decompositionNextDigitsTwisted(fourier: usize, states: usize, polynomialSize: i32, baseLog: i32, twiddles: usize): void {
  // The published sets' bases as constants (see SHIFT_SPECIALIZATION below), any other generic.
  if (baseLog == 23) nextDigitsTwisted(fourier, states, polynomialSize, 23, twiddles);
  else if (baseLog == 22) nextDigitsTwisted(fourier, states, polynomialSize, 22, twiddles);
  else if (baseLog == 17) nextDigitsTwisted(fourier, states, polynomialSize, 17, twiddles);
  else if (baseLog == 15) nextDigitsTwisted(fourier, states, polynomialSize, 15, twiddles);
  else if (baseLog == 11) nextDigitsTwisted(fourier, states, polynomialSize, 11, twiddles);
  else nextDigitsTwisted(fourier, states, polynomialSize, baseLog, twiddles);
}

/**
 * SHIFT_SPECIALIZATION: V8 compiles an i64x2 shift by a constant to one instruction and a shift
 * by a variable amount to four (move, mask, move to a vector register, shift), which made up
 * about a third of the digit passes. The hot digit kernels are therefore inlined once per
 * decomposition base of the published parameter sets, where the shift amounts fold to
 * constants, plus one generic copy for any other base.
 */
// @ts-ignore: decorator
@inline
function nextDigitsTwisted(fourier: usize, states: usize, polynomialSize: i32, baseLog: i32, twiddles: usize): void {
  const mask = i64x2.splat((<i64>1 << <i64>baseLog) - 1);
  const magicBits = i64x2.splat(MAGIC_BITS);
  const magic = f64x2.splat(MAGIC);
  const mb = <usize>(polynomialSize >> 1) << 3;
  for (let p: usize = 0; p < mb; p += 16) {
    const lowState = v128.load(states + p);
    const lowDigit = v128.and(lowState, mask);
    const lowCarry = i64x2.shr_u(lowDigit, baseLog - 1);
    v128.store(states + p, i64x2.add(i64x2.shr_u(lowState, baseLog), lowCarry));
    const x = f64x2.sub(i64x2.add(i64x2.sub(lowDigit, i64x2.shl(lowCarry, baseLog)), magicBits), magic);
    const highState = v128.load(states + mb + p);
    const highDigit = v128.and(highState, mask);
    const highCarry = i64x2.shr_u(highDigit, baseLog - 1);
    v128.store(states + mb + p, i64x2.add(i64x2.shr_u(highState, baseLog), highCarry));
    const y = f64x2.sub(i64x2.add(i64x2.sub(highDigit, i64x2.shl(highCarry, baseLog)), magicBits), magic);
    // Coefficients x, x + 1 (byte p) and x + M, x + M + 1 are points x, x + 1: pair-layout byte 2p.
    const pb = p << 1;
    const wr = v128.load(twiddles + pb);
    const wi = v128.load(twiddles + pb, 16);
    v128.store(fourier + pb, mulSub(x, wr, y, wi));
    v128.store(fourier + pb, mulAdd(x, wi, y, wr), 16);
  }
}
