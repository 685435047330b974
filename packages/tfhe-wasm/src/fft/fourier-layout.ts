/**
 * Where point j of a Fourier polynomial sits in its Float64Array (N values for M = N/2 complex
 * points), mirroring assembly/fft/fourier-layout.ts: points 2P and 2P + 1 share four f64 from
 * 4P, their real parts first.
 */
export function fourierRealIndex(j: number): number {
  return 4 * (j >> 1) + (j & 1);
}

/** Index of point j's imaginary part (two f64 after its real part). */
export function fourierImagIndex(j: number): number {
  return fourierRealIndex(j) + 2;
}
