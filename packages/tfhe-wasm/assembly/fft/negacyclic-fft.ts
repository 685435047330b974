import { mulAdd, mulSub } from './fused-arithmetic';
import { fftBackwardInPlace, fftForwardInPlace } from './complex-fft';
import { pointByte } from './fourier-layout';
import { torusConstants } from './twiddles';

/**
 * Negacyclic FFT: Z[X]/(X^N + 1) -> C^(N/2).
 *
 * A real polynomial a of degree < N is folded into M = N/2 complex points and twisted:
 *   z_j = (a_j + i*a_(j+M)) * w^j,  w = e^(i*pi/N),  j < M
 * then transformed by a size-M complex FFT. The pointwise product of two such transforms is
 * the transform of the negacyclic product a*b mod (X^N + 1) (the twist turns the cyclic
 * convolution of size M into the negacyclic one of size N). The inverse undoes the FFT
 * (scaled by 1/M), untwists by conj(w^j) and unfolds real parts to a_j, imaginary parts to
 * a_(j+M).
 *
 * A Fourier polynomial occupies N f64 = N*8 bytes in the pair layout (fourier-layout.ts): the
 * 32 bytes at 32P hold re z_2P, re z_(2P+1), im z_2P, im z_(2P+1). The twist table w^j
 * (twiddles.ts) uses the same layout, so one loop offset pb = 32P addresses both, and the
 * coefficients a_2P, a_(2P+1) sit at byte pb / 2 of the polynomial (a_(j+M) at pb / 2 + N*4).
 */
export function fourierPolynomialBytes(polynomialSize: i32): usize {
  return <usize>polynomialSize << 3;
}

/** Forward transform of a polynomial with i64 coefficients (u64 torus values read as signed). */
export function fftForwardI64(dst: usize, src: usize, polynomialSize: i32, twiddles: usize): void {
  const m = polynomialSize >> 1;
  const mb = <usize>m << 3;
  for (let j = 0; j < m; j++) {
    const x = <f64>load<i64>(src + (<usize>j << 3));
    const y = <f64>load<i64>(src + mb + (<usize>j << 3));
    const at = pointByte(j);
    const wr = load<f64>(twiddles + at);
    const wi = load<f64>(twiddles + at, 16);
    store<f64>(dst + at, x * wr - y * wi);
    store<f64>(dst + at, x * wi + y * wr, 16);
  }
  fftForwardInPlace(dst, m, twiddles);
}

/**
 * Inverse transform, in place on `src` (destroyed), adding the result shifted left by `shift`
 * bits to the u64 polynomial `dst` (mod 2^64). shift = 0 is the ordinary case; the exact
 * product of polynomials splits an operand into 16-bit limbs and recombines them with shifts.
 */
export function fftBackwardAddU64(dst: usize, src: usize, polynomialSize: i32, twiddles: usize, shift: i32): void {
  const m = polynomialSize >> 1;
  const mb = <usize>m << 3;
  fftBackwardInPlace(src, m, twiddles);
  const scale = f64x2.splat(1.0 / <f64>m);
  const s = <i32>shift;
  for (let jb: usize = 0; jb < mb; jb += 16) {
    const pb = jb << 1;
    const zr = v128.load(src + pb);
    const zi = v128.load(src + pb, 16);
    const wr = v128.load(twiddles + pb);
    const wi = v128.load(twiddles + pb, 16);
    // z * conj(w) / M
    const ar = f64x2.mul(mulAdd(zr, wr, zi, wi), scale);
    const ai = f64x2.mul(mulSub(zi, wr, zr, wi), scale);
    v128.store(dst + jb, i64x2.add(v128.load(dst + jb), i64x2.shl(f64x2ToTorus(ar), s)));
    v128.store(dst + mb + jb, i64x2.add(v128.load(dst + mb + jb), i64x2.shl(f64x2ToTorus(ai), s)));
  }
}

/**
 * fftBackwardAddU64 with shift 0 for the external product, whose transforms hold sums of
 * products of 2^64-scale torus values (|x| up to ~2^97, so f64 rounding has already cost them
 * their low 40+ bits). Two shortcuts, per lane of u = x / M:
 *   - the 1/M scale rides on the rounding constants (M is a power of 2: scaling is exact);
 *   - r = u - round(u / 2^64) * 2^64 in [-2^63, 2^63] is rounded to a multiple of 2^13 in one
 *     magic addition, r + 1.5 * 2^65 (ulp 2^13): bits(sum) - bits(1.5 * 2^65) = round(r / 2^13).
 * The extra rounding error is at most 2^12 (2^-52 of the torus), far below the FFT's own
 * error on these values; exact small products (glweMaskKeyProductAddExact) keep fftBackwardAddU64.
 */
export function fftBackwardAddTorus(dst: usize, src: usize, polynomialSize: i32, twiddles: usize): void {
  const m = polynomialSize >> 1;
  const mb = <usize>m << 3;
  fftBackwardInPlace(src, m, twiddles);
  // Loaded, not computed here: V8 recomputes splats of computed values inside the loop (six
  // instructions a constant per iteration), but keeps loaded ones in registers.
  const constants = torusConstants(twiddles, polynomialSize);
  const wrap = v128.load(constants);
  const round = v128.load(constants, 16);
  const offset = v128.load(constants, 32);
  for (let jb: usize = 0; jb < mb; jb += 16) {
    const pb = jb << 1;
    const zr = v128.load(src + pb);
    const zi = v128.load(src + pb, 16);
    const wr = v128.load(twiddles + pb);
    const wi = v128.load(twiddles + pb, 16);
    // z * conj(w), unscaled
    const ar = mulAdd(zr, wr, zi, wi);
    const ai = mulSub(zi, wr, zr, wi);
    const rr = f64x2.sub(ar, f64x2.sub(f64x2.add(ar, wrap), wrap));
    const ri = f64x2.sub(ai, f64x2.sub(f64x2.add(ai, wrap), wrap));
    const tr = i64x2.shl(i64x2.sub(f64x2.add(rr, round), offset), 13);
    const ti = i64x2.shl(i64x2.sub(f64x2.add(ri, round), offset), 13);
    v128.store(dst + jb, i64x2.add(v128.load(dst + jb), tr));
    v128.store(dst + mb + jb, i64x2.add(v128.load(dst + mb + jb), ti));
  }
}


// Rounding constants 1.5 * 2^(52+s): adding one to |x| < 2^(51+s) rounds x to a multiple of
// 2^s, and the low mantissa bits of the sum hold x / 2^s as an integer.
const ROUND_TO_2_64: f64 = 1.5 * 83076749736557242056487941267521536.0; // 1.5 * 2^116
const ROUND_TO_2_32: f64 = 1.5 * 19342813113834066795298816.0; //          1.5 * 2^84
const ROUND_TO_1: f64 = 6755399441055744.0; //                               1.5 * 2^52
const ROUND_TO_2_32_BITS: i64 = 0x4538000000000000;
const ROUND_TO_1_BITS: i64 = 0x4338000000000000;

/**
 * Real values (two lanes) to integers mod 2^64. WASM SIMD has no f64x2 -> i64x2 conversion, and
 * values may exceed 2^53 (their low bits are already lost to f64 rounding: the FFT noise), so:
 *   r  = x - round(x / 2^64) * 2^64        in [-2^63, 2^63], exact
 *   hi = round(r / 2^32),  lo = r - hi * 2^32 in [-2^31, 2^31], exact
 *   result = hi * 2^32 + round(lo)
 * where every rounding is one addition of a 1.5 * 2^(52+s) constant, and hi and round(lo) are
 * read straight from the mantissa bits of those sums (bits = constant bits + integer).
 */
function f64x2ToTorus(x: v128): v128 {
  const wrap = f64x2.splat(ROUND_TO_2_64);
  const high = f64x2.splat(ROUND_TO_2_32);
  const unit = f64x2.splat(ROUND_TO_1);
  const r = f64x2.sub(x, f64x2.sub(f64x2.add(x, wrap), wrap));
  const hiSum = f64x2.add(r, high);
  const lo = f64x2.sub(r, f64x2.sub(hiSum, high));
  const loSum = f64x2.add(lo, unit);
  const offset = i64x2.splat((ROUND_TO_2_32_BITS << 32) + ROUND_TO_1_BITS);
  return i64x2.sub(i64x2.add(i64x2.shl(hiSum, 32), loSum), offset);
}

/**
 * acc_c += a * b_c for c < columns, pointwise over M complex points: the digit
 * transform `a` is read once for all the columns of a GGSW row (b_c every bStride bytes,
 * acc_c consecutive).
 */
export function fourierMulAddColumns(acc: usize, a: usize, b: usize, bStride: usize, polynomialSize: i32, columns: i32): void {
  const nb = <usize>polynomialSize << 3;
  if (columns == 2) {
    const acc1 = acc + nb;
    const b1 = b + bStride;
    for (let pb: usize = 0; pb < nb; pb += 32) {
      const ar = v128.load(a + pb), ai = v128.load(a + pb, 16);
      const b0r = v128.load(b + pb), b0i = v128.load(b + pb, 16);
      const b1r = v128.load(b1 + pb), b1i = v128.load(b1 + pb, 16);
      v128.store(acc + pb, f64x2.add(v128.load(acc + pb), mulSub(ar, b0r, ai, b0i)));
      v128.store(acc + pb, f64x2.add(v128.load(acc + pb, 16), mulAdd(ar, b0i, ai, b0r)), 16);
      v128.store(acc1 + pb, f64x2.add(v128.load(acc1 + pb), mulSub(ar, b1r, ai, b1i)));
      v128.store(acc1 + pb, f64x2.add(v128.load(acc1 + pb, 16), mulAdd(ar, b1i, ai, b1r)), 16);
    }
    return;
  }
  for (let c = 0; c < columns; c++) fourierMulAdd(acc + <usize>c * nb, a, b + <usize>c * bStride, polynomialSize);
}

/**
 * acc_c = a * b_c for c < columns: fourierMulAddColumns onto zero, for the first term of a
 * sum (saves zeroing the accumulators and reading them back).
 */
export function fourierMulColumns(acc: usize, a: usize, b: usize, bStride: usize, polynomialSize: i32, columns: i32): void {
  const nb = <usize>polynomialSize << 3;
  for (let c = 0; c < columns; c++) {
    const out = acc + <usize>c * nb;
    const bc = b + <usize>c * bStride;
    for (let pb: usize = 0; pb < nb; pb += 32) {
      const ar = v128.load(a + pb), ai = v128.load(a + pb, 16);
      const br = v128.load(bc + pb), bi = v128.load(bc + pb, 16);
      v128.store(out + pb, mulSub(ar, br, ai, bi));
      v128.store(out + pb, mulAdd(ar, bi, ai, br), 16);
    }
  }
}

/**
 * The products of one GGSW level with k + 1 = 2: acc_c (+)= a_0 * b_(0,c) + a_1 * b_(1,c) for
 * c = 0, 1 (b_(r,c) every bStride bytes, rows then columns), in one sweep that reads the
 * level's four key polynomials side by side and each accumulator once. `first` stores
 * instead of adding.
 */
export function fourierMulAddLevelTwoColumns(acc: usize, a0: usize, a1: usize, b: usize, bStride: usize, polynomialSize: i32, first: bool): void {
  const nb = <usize>polynomialSize << 3;
  for (let pb: usize = 0; pb < nb; pb += 32) {
    const x0r = v128.load(a0 + pb), x0i = v128.load(a0 + pb, 16);
    const x1r = v128.load(a1 + pb), x1i = v128.load(a1 + pb, 16);
    levelColumnLanes(acc, pb, x0r, x0i, x1r, x1i, b, b + 2 * bStride, first);
    levelColumnLanes(acc + nb, pb, x0r, x0i, x1r, x1i, b + bStride, b + 3 * bStride, first);
  }
}

/**
 * One column of fourierMulAddLevelTwoColumns: acc (+)= a0 * b0 + a1 * b1, with the same
 * arithmetic per lane (so a CMUX split by columns over two threads stays bit-identical).
 */
export function fourierMulAddLevelOneColumn(acc: usize, a0: usize, a1: usize, b0: usize, b1: usize, polynomialSize: i32, first: bool): void {
  const nb = <usize>polynomialSize << 3;
  for (let pb: usize = 0; pb < nb; pb += 32) {
    const x0r = v128.load(a0 + pb), x0i = v128.load(a0 + pb, 16);
    const x1r = v128.load(a1 + pb), x1i = v128.load(a1 + pb, 16);
    levelColumnLanes(acc, pb, x0r, x0i, x1r, x1i, b0, b1, first);
  }
}

/** acc (+)= x0 * b0 + x1 * b1 on the two points at byte offset pb (pair layout). */
// @ts-ignore: decorator
@inline
function levelColumnLanes(acc: usize, pb: usize, x0r: v128, x0i: v128, x1r: v128, x1i: v128, b0: usize, b1: usize, first: bool): void {
  const g0r = v128.load(b0 + pb), g0i = v128.load(b0 + pb, 16);
  const g1r = v128.load(b1 + pb), g1i = v128.load(b1 + pb, 16);
  let sr = f64x2.add(mulSub(x0r, g0r, x0i, g0i), mulSub(x1r, g1r, x1i, g1i));
  let si = f64x2.add(mulAdd(x0r, g0i, x0i, g0r), mulAdd(x1r, g1i, x1i, g1r));
  if (!first) {
    sr = f64x2.add(sr, v128.load(acc + pb));
    si = f64x2.add(si, v128.load(acc + pb, 16));
  }
  v128.store(acc + pb, sr);
  v128.store(acc + pb, si, 16);
}

/** acc += a * b, pointwise over M complex points. */
export function fourierMulAdd(acc: usize, a: usize, b: usize, polynomialSize: i32): void {
  const nb = <usize>polynomialSize << 3;
  for (let pb: usize = 0; pb < nb; pb += 32) {
    const ar = v128.load(a + pb), ai = v128.load(a + pb, 16);
    const br = v128.load(b + pb), bi = v128.load(b + pb, 16);
    const cr = v128.load(acc + pb), ci = v128.load(acc + pb, 16);
    v128.store(acc + pb, f64x2.add(cr, mulSub(ar, br, ai, bi)));
    v128.store(acc + pb, f64x2.add(ci, mulAdd(ar, bi, ai, br)), 16);
  }
}

/** Sets a Fourier polynomial to zero. */
export function fourierZero(dst: usize, polynomialSize: i32): void {
  memory.fill(dst, 0, <usize>polynomialSize << 3);
}
