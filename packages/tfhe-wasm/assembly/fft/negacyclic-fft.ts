import { fftBackwardInPlace, fftForwardInPlace } from './complex-fft';

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
 * A Fourier polynomial occupies N f64 = N*8 bytes: re[M] then im[M].
 */
export function fourierPolynomialBytes(polynomialSize: i32): usize {
  return <usize>polynomialSize << 3;
}

/** Forward transform of a polynomial with i64 coefficients (u64 torus values read as signed). */
export function fftForwardI64(dst: usize, src: usize, polynomialSize: i32, twiddles: usize): void {
  const m = polynomialSize >> 1;
  const mb = <usize>m << 3;
  const twRe = twiddles;
  const twIm = twiddles + mb;
  for (let jb: usize = 0; jb < mb; jb += 8) {
    const x = <f64>load<i64>(src + jb);
    const y = <f64>load<i64>(src + mb + jb);
    const wr = load<f64>(twRe + jb);
    const wi = load<f64>(twIm + jb);
    store<f64>(dst + jb, x * wr - y * wi);
    store<f64>(dst + mb + jb, x * wi + y * wr);
  }
  fftForwardInPlace(dst, dst + mb, m, twiddles);
}

/** Forward transform of a polynomial with f64 coefficients already in memory. */
export function fftForwardF64(dst: usize, src: usize, polynomialSize: i32, twiddles: usize): void {
  const m = polynomialSize >> 1;
  const mb = <usize>m << 3;
  for (let jb: usize = 0; jb < mb; jb += 16) {
    const x = v128.load(src + jb);
    const y = v128.load(src + mb + jb);
    const wr = v128.load(twiddles + jb);
    const wi = v128.load(twiddles + mb + jb);
    v128.store(dst + jb, f64x2.sub(f64x2.mul(x, wr), f64x2.mul(y, wi)));
    v128.store(dst + mb + jb, f64x2.add(f64x2.mul(x, wi), f64x2.mul(y, wr)));
  }
  fftForwardInPlace(dst, dst + mb, m, twiddles);
}

const TWO_POW_64: f64 = 18446744073709551616.0;
const TWO_POW_MINUS_64: f64 = 1.0 / 18446744073709551616.0;
const TWO_POW_32: f64 = 4294967296.0;
const TWO_POW_MINUS_32: f64 = 1.0 / 4294967296.0;

/**
 * Inverse transform, in place on `src` (destroyed), adding the result shifted left by `shift`
 * bits to the u64 polynomial `dst` (mod 2^64). shift = 0 is the ordinary case; the exact
 * product of polynomials splits an operand into 16-bit limbs and recombines them with shifts.
 *
 * f64 -> integer mod 2^64, two lanes at a time (WASM SIMD has no f64x2 -> i64x2 conversion):
 * values may exceed 2^53 (their low bits are already lost to f64 rounding: the FFT noise), so
 *   r = round(x) - round(x / 2^64) * 2^64    in [-2^63, 2^63], exact
 *   hi = floor(r / 2^32), lo = r - hi * 2^32 in [0, 2^32) (exact),  result = hi * 2^32 + lo
 * where hi and lo (integers below 2^51 in magnitude) become i64 by the magic-number trick.
 */
export function fftBackwardAddU64(dst: usize, src: usize, polynomialSize: i32, twiddles: usize, shift: i32): void {
  const m = polynomialSize >> 1;
  const mb = <usize>m << 3;
  fftBackwardInPlace(src, src + mb, m, twiddles);
  const scale = f64x2.splat(1.0 / <f64>m);
  const s = <i32>shift;
  for (let jb: usize = 0; jb < mb; jb += 16) {
    const zr = v128.load(src + jb);
    const zi = v128.load(src + mb + jb);
    const wr = v128.load(twiddles + jb);
    const wi = v128.load(twiddles + mb + jb);
    // z * conj(w) / M
    const ar = f64x2.mul(f64x2.add(f64x2.mul(zr, wr), f64x2.mul(zi, wi)), scale);
    const ai = f64x2.mul(f64x2.sub(f64x2.mul(zi, wr), f64x2.mul(zr, wi)), scale);
    v128.store(dst + jb, i64x2.add(v128.load(dst + jb), i64x2.shl(f64x2ToTorus(ar), s)));
    v128.store(dst + mb + jb, i64x2.add(v128.load(dst + mb + jb), i64x2.shl(f64x2ToTorus(ai), s)));
  }
}

/** 2^52 + 2^51 and its bit pattern: adding it to an integer-valued double below 2^51 puts the integer in the low bits. */
const MAGIC: f64 = 6755399441055744.0;
const MAGIC_BITS: i64 = 0x4338000000000000;

function f64x2ToTorus(x: v128): v128 {
  const magic = f64x2.splat(MAGIC);
  const magicBits = i64x2.splat(MAGIC_BITS);
  const rounded = f64x2.nearest(x);
  const wraps = f64x2.nearest(f64x2.mul(rounded, f64x2.splat(TWO_POW_MINUS_64)));
  const r = f64x2.sub(rounded, f64x2.mul(wraps, f64x2.splat(TWO_POW_64)));
  const hi = f64x2.floor(f64x2.mul(r, f64x2.splat(TWO_POW_MINUS_32)));
  const lo = f64x2.sub(r, f64x2.mul(hi, f64x2.splat(TWO_POW_32)));
  const hi64 = i64x2.sub(f64x2.add(hi, magic), magicBits);
  const lo64 = i64x2.sub(f64x2.add(lo, magic), magicBits);
  return i64x2.add(i64x2.shl(hi64, 32), lo64);
}

/**
 * acc_c += a * b_c for c < columns, pointwise over M complex points (split layout): the digit
 * transform `a` is read once for all the columns of a GGSW row (b_c, acc_c consecutive).
 */
export function fourierMulAddColumns(acc: usize, a: usize, b: usize, polynomialSize: i32, columns: i32): void {
  const nb = <usize>polynomialSize << 3;
  const mb = nb >> 1;
  if (columns == 2) {
    const acc1 = acc + nb;
    const b1 = b + nb;
    for (let jb: usize = 0; jb < mb; jb += 16) {
      const ar = v128.load(a + jb);
      const ai = v128.load(a + mb + jb);
      const b0r = v128.load(b + jb);
      const b0i = v128.load(b + mb + jb);
      const b1r = v128.load(b1 + jb);
      const b1i = v128.load(b1 + mb + jb);
      v128.store(acc + jb, f64x2.add(v128.load(acc + jb), f64x2.sub(f64x2.mul(ar, b0r), f64x2.mul(ai, b0i))));
      v128.store(acc + mb + jb, f64x2.add(v128.load(acc + mb + jb), f64x2.add(f64x2.mul(ar, b0i), f64x2.mul(ai, b0r))));
      v128.store(acc1 + jb, f64x2.add(v128.load(acc1 + jb), f64x2.sub(f64x2.mul(ar, b1r), f64x2.mul(ai, b1i))));
      v128.store(acc1 + mb + jb, f64x2.add(v128.load(acc1 + mb + jb), f64x2.add(f64x2.mul(ar, b1i), f64x2.mul(ai, b1r))));
    }
    return;
  }
  for (let c = 0; c < columns; c++) fourierMulAdd(acc + <usize>c * nb, a, b + <usize>c * nb, polynomialSize);
}

/** acc += a * b, pointwise over M complex points (split layout). */
export function fourierMulAdd(acc: usize, a: usize, b: usize, polynomialSize: i32): void {
  const mb = <usize>(polynomialSize >> 1) << 3;
  for (let jb: usize = 0; jb < mb; jb += 16) {
    const ar = v128.load(a + jb);
    const ai = v128.load(a + mb + jb);
    const br = v128.load(b + jb);
    const bi = v128.load(b + mb + jb);
    const cr = v128.load(acc + jb);
    const ci = v128.load(acc + mb + jb);
    v128.store(acc + jb, f64x2.add(cr, f64x2.sub(f64x2.mul(ar, br), f64x2.mul(ai, bi))));
    v128.store(acc + mb + jb, f64x2.add(ci, f64x2.add(f64x2.mul(ar, bi), f64x2.mul(ai, br))));
  }
}

/** Sets a Fourier polynomial to zero. */
export function fourierZero(dst: usize, polynomialSize: i32): void {
  memory.fill(dst, 0, <usize>polynomialSize << 3);
}
