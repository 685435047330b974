import { pointByte } from './fourier-layout';
import { initTorusConstants } from './torus-constants';

/**
 * Twiddle tables of the negacyclic FFT for one polynomial size N (M = N/2 complex points).
 *
 * Layout (f64, 7*M values = 3.5N*8 bytes):
 *   [0, 2M)   twist:     w^j = (cos, sin)(pi*j/N), j < M, in the pair layout of the Fourier
 *             polynomials (fourier-layout.ts), so one offset addresses both
 *   [2M, 3M)  stage re:  entry h+j = cos(-2*pi*j/(2h)) for every stage half-size h = 1..M/2, j < h
 *   [3M, 4M)  stage im:  entry h+j = sin(-2*pi*j/(2h))
 *   [4M, 7M)  radix-4 passes (complex-fft.ts), for h = 8, 16, .., M/2 from entry 4M + 3(h - 8):
 *             for each pair of points j, j+1 < h/2, twelve values
 *             re w^j, im w^j, re w^2j, im w^2j, re w^3j, im w^3j (two lanes each), w = e^(-i*pi/h)
 *   [7M, 7M+6) the conversion constants of fftBackwardAddTorus (negacyclic-fft.ts), two lanes each
 * Indexing stage twiddles by h+j keeps each stage's twiddles contiguous (SIMD loads); the
 * radix-4 passes read their three twiddles from one pointer at constant offsets, which leaves
 * V8 fewer addresses to keep in registers than six separate tables.
 */
export function fftTwiddlesBytes(polynomialSize: i32): usize {
  return <usize>polynomialSize * 28 + TORUS_CONSTANTS_BYTES;
}

/** Where the conversion constants of fftBackwardAddTorus start (three v128). */
// @ts-ignore: decorator
@inline
export function torusConstants(twiddles: usize, polynomialSize: i32): usize {
  return twiddles + <usize>polynomialSize * 28;
}

const TORUS_CONSTANTS_BYTES: usize = 48;

/** Bytes of radix-4 twiddles per pair of points. */
export const RADIX4_TWIDDLE_STEP: usize = 96;

/** The radix-4 twiddles of the pass at half-size h (h >= 8) of an M-point transform. */
// @ts-ignore: decorator
@inline
export function radix4Twiddles(twiddles: usize, m: i32, h: i32): usize {
  return twiddles + (<usize>m << 5) + 24 * <usize>(h - 8);
}

export function fftInitTwiddles(twiddles: usize, polynomialSize: i32): void {
  const m = polynomialSize >> 1;
  const mBytes = <usize>m << 3;
  const n = <f64>polynomialSize;
  for (let j = 0; j < m; j++) {
    const angle = (Math.PI * <f64>j) / n;
    store<f64>(twiddles + pointByte(j), Math.cos(angle));
    store<f64>(twiddles + pointByte(j), Math.sin(angle), 16);
  }
  store<f64>(twiddles + 2 * mBytes, 1.0);
  store<f64>(twiddles + 3 * mBytes, 0.0);
  for (let h = 1; h < m; h <<= 1) {
    for (let j = 0; j < h; j++) {
      const angle = (-Math.PI * <f64>j) / <f64>h;
      store<f64>(twiddles + 2 * mBytes + (<usize>(h + j) << 3), Math.cos(angle));
      store<f64>(twiddles + 3 * mBytes + (<usize>(h + j) << 3), Math.sin(angle));
    }
  }
  initTorusConstants(torusConstants(twiddles, polynomialSize), m);
  for (let h = 8; h < m; h <<= 1) {
    const pass = radix4Twiddles(twiddles, m, h);
    const q = h >> 1;
    for (let j = 0; j < q; j++) {
      // w^j and w^2j as the stage entries h + j and q + j; w^3j from three times the angle.
      const angle = (-Math.PI * <f64>j) / <f64>h;
      const angle2 = (-Math.PI * <f64>j) / <f64>q;
      const at = pass + <usize>(j >> 1) * RADIX4_TWIDDLE_STEP + (<usize>(j & 1) << 3);
      store<f64>(at, Math.cos(angle));
      store<f64>(at, Math.sin(angle), 16);
      store<f64>(at, Math.cos(angle2), 32);
      store<f64>(at, Math.sin(angle2), 48);
      store<f64>(at, Math.cos(3.0 * angle), 64);
      store<f64>(at, Math.sin(3.0 * angle), 80);
    }
  }
}
