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

/**
 * Rounds a real value to the nearest integer modulo 2^64. Values may exceed 2^53 (then their
 * low bits are already lost to f64 rounding, which is the FFT noise term): subtract the nearest
 * multiple of 2^64 first, exactly, so the remainder fits an i64.
 */
function f64ToTorus(value: f64): u64 {
  const reduced = value - nearest<f64>(value * TWO_POW_MINUS_64) * TWO_POW_64;
  return <u64><i64>nearest<f64>(reduced);
}

/**
 * Inverse transform, in place on `src` (destroyed), adding the result shifted left by `shift`
 * bits to the u64 polynomial `dst` (mod 2^64). shift = 0 is the ordinary case; the exact
 * product of polynomials splits a operand into 16-bit limbs and recombines them with shifts.
 */
export function fftBackwardAddU64(dst: usize, src: usize, polynomialSize: i32, twiddles: usize, shift: i32): void {
  const m = polynomialSize >> 1;
  const mb = <usize>m << 3;
  fftBackwardInPlace(src, src + mb, m, twiddles);
  const scale = 1.0 / <f64>m;
  const s = <u64>shift;
  for (let jb: usize = 0; jb < mb; jb += 8) {
    const zr = load<f64>(src + jb);
    const zi = load<f64>(src + mb + jb);
    const wr = load<f64>(twiddles + jb);
    const wi = load<f64>(twiddles + mb + jb);
    // z * conj(w) / M
    const ar = (zr * wr + zi * wi) * scale;
    const ai = (zi * wr - zr * wi) * scale;
    store<u64>(dst + jb, load<u64>(dst + jb) + (f64ToTorus(ar) << s));
    store<u64>(dst + mb + jb, load<u64>(dst + mb + jb) + (f64ToTorus(ai) << s));
  }
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
