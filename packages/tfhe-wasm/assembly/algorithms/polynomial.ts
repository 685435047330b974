import { fftBackwardAddU64, fftForwardI64, fourierMulAdd, fourierZero } from '../fft/negacyclic-fft';

/**
 * dst = X^power * src in Z_q[X]/(X^N + 1), power in [0, 2N): X^N = -1, so coefficients that
 * wrap past X^(N-1) change sign.
 */
export function polynomialMulByMonomial(dst: usize, src: usize, polynomialSize: i32, power: i32): void {
  const n = polynomialSize;
  let negate = false;
  let shift = power;
  if (shift >= n) {
    shift -= n;
    negate = true;
  }
  const sb = <usize>shift << 3;
  const nb = <usize>n << 3;
  // dst[x] = -src[x - shift + N] for x < shift; dst[x] = src[x - shift] for x >= shift.
  for (let p: usize = 0; p < sb; p += 8) {
    const v = load<u64>(src + nb - sb + p);
    store<u64>(dst + p, negate ? v : 0 - v);
  }
  for (let p: usize = sb; p < nb; p += 8) {
    const v = load<u64>(src + p - sb);
    store<u64>(dst + p, negate ? 0 - v : v);
  }
}

/**
 * The CMUX difference X^power * src - src, power in [0, 2N), rounded straight into decomposition
 * states (decompositionInitStates) so the external product can start from it without another
 * pass. With t = power mod N and sign = -1 when power >= N:
 *   diff[x] = -sign * src[x - t + N] - src[x]  for x < t,   diff[x] = sign * src[x - t] - src[x]  for x >= t.
 * Two lanes at a time; an odd t leaves one scalar at the seam.
 */
export function rotationDifferenceToStates(
  dst: usize,
  src: usize,
  polynomialSize: i32,
  power: i32,
  baseLog: i32,
  level: i32,
): void {
  const n = polynomialSize;
  const negate = power >= n;
  const shift = negate ? power - n : power;
  const sb = <usize>shift << 3;
  const nb = <usize>n << 3;
  const wrapped = src + nb - sb; // src[x - t + N] for x < t
  const straight = src - sb; //     src[x - t]     for x >= t
  const zero = i64x2.splat(0);
  const roundShift = 64 - baseLog * level;
  let p: usize = 0;
  for (; p + 16 <= sb; p += 16) {
    const v = v128.load(wrapped + p);
    v128.store(dst + p, roundToStates(i64x2.sub(negate ? v : i64x2.sub(zero, v), v128.load(src + p)), roundShift));
  }
  for (; p < sb; p += 8) {
    const v = load<u64>(wrapped + p);
    store<u64>(dst + p, roundToState((negate ? v : 0 - v) - load<u64>(src + p), roundShift));
  }
  for (; p + 16 <= nb; p += 16) {
    const v = v128.load(straight + p);
    v128.store(dst + p, roundToStates(i64x2.sub(negate ? i64x2.sub(zero, v) : v, v128.load(src + p)), roundShift));
  }
  for (; p < nb; p += 8) {
    const v = load<u64>(straight + p);
    store<u64>(dst + p, roundToState((negate ? 0 - v : v) - load<u64>(src + p), roundShift));
  }
}

/** round(v / 2^shift) for two lanes (shift <= 0: unchanged), as decompositionInitStates. */
function roundToStates(v: v128, shift: i32): v128 {
  if (shift <= 0) return v;
  return i64x2.add(i64x2.shr_u(v, shift), v128.and(i64x2.shr_u(v, shift - 1), i64x2.splat(1)));
}

function roundToState(v: u64, shift: i32): u64 {
  if (shift <= 0) return v;
  return (v >> <u64>shift) + ((v >> <u64>(shift - 1)) & 1);
}

/** Bytes of scratch for glweMaskKeyProductAddExact. */
export function exactProductScratchBytes(polynomialSize: i32): usize {
  return 3 * (<usize>polynomialSize << 3);
}

const LIMB_BITS: i32 = 16;
const LIMBS: i32 = 4;

/**
 * dst += sum_i A_i * S_i exactly in Z_(2^64)[X]/(X^N + 1), for k torus polynomials A_i and
 * binary key polynomials S_i given by their Fourier transforms (binary, so exact in f64).
 *
 * The f64 FFT alone would lose the low bits of 64-bit coefficients (an error far above the
 * noise of the 5..8-bit sets), so each A_i is split into four 16-bit limbs:
 *   A_i = sum_t L_(i,t) * 2^(16t),  0 <= L < 2^16
 * and each limb product sum_i L_(i,t) * S_i (coefficients < k*N*2^16 <= 2^34) is computed
 * through the FFT, rounded exactly, shifted and added modulo 2^64.
 */
export function glweMaskKeyProductAddExact(
  dst: usize,
  masks: usize,
  keyFourier: usize,
  glweDimension: i32,
  polynomialSize: i32,
  twiddles: usize,
  scratch: usize,
): void {
  const nb = <usize>polynomialSize << 3;
  const limbs = scratch;
  const limbsFourier = scratch + nb;
  const accumulator = scratch + 2 * nb;
  for (let t = 0; t < LIMBS; t++) {
    const shift = <u64>(t * LIMB_BITS);
    fourierZero(accumulator, polynomialSize);
    for (let i = 0; i < glweDimension; i++) {
      const a = masks + <usize>i * nb;
      for (let p: usize = 0; p < nb; p += 8) {
        store<i64>(limbs + p, <i64>((load<u64>(a + p) >> shift) & 0xffff));
      }
      fftForwardI64(limbsFourier, limbs, polynomialSize, twiddles);
      fourierMulAdd(accumulator, limbsFourier, keyFourier + <usize>i * nb, polynomialSize);
    }
    fftBackwardAddU64(dst, accumulator, polynomialSize, twiddles, t * LIMB_BITS);
  }
}
