/**
 * Twiddle tables of the negacyclic FFT for one polynomial size N (M = N/2 complex points).
 *
 * Layout (f64, 6*M values = 3N*8 bytes), all split into real and imaginary halves:
 *   [0, M)    twist re:  cos(pi*j/N)          w^j with w = e^(i*pi/N), j < M
 *   [M, 2M)   twist im:  sin(pi*j/N)
 *   [2M, 3M)  stage re:  entry h+j = cos(-2*pi*j/(2h)) for every stage half-size h = 1..M/2, j < h
 *   [3M, 4M)  stage im:  entry h+j = sin(-2*pi*j/(2h))
 *   [4M, 5M)  cube re:   entry h+j = cos(-2*pi*3j/(2h)) for j < h/2 (the radix-4 passes' w^3j)
 *   [5M, 6M)  cube im:   entry h+j = sin(-2*pi*3j/(2h))
 * Indexing stage twiddles by h+j keeps each stage's twiddles contiguous (SIMD loads).
 */
export function fftTwiddlesBytes(polynomialSize: i32): usize {
  return <usize>polynomialSize * 24;
}

export function fftInitTwiddles(twiddles: usize, polynomialSize: i32): void {
  const m = polynomialSize >> 1;
  const mBytes = <usize>m << 3;
  const n = <f64>polynomialSize;
  for (let j = 0; j < m; j++) {
    const angle = (Math.PI * <f64>j) / n;
    store<f64>(twiddles + (<usize>j << 3), Math.cos(angle));
    store<f64>(twiddles + mBytes + (<usize>j << 3), Math.sin(angle));
  }
  store<f64>(twiddles + 2 * mBytes, 1.0);
  store<f64>(twiddles + 3 * mBytes, 0.0);
  for (let h = 1; h < m; h <<= 1) {
    for (let j = 0; j < h; j++) {
      const angle = (-Math.PI * <f64>j) / <f64>h;
      store<f64>(twiddles + 2 * mBytes + (<usize>(h + j) << 3), Math.cos(angle));
      store<f64>(twiddles + 3 * mBytes + (<usize>(h + j) << 3), Math.sin(angle));
      if (j < h >> 1) {
        store<f64>(twiddles + 4 * mBytes + (<usize>(h + j) << 3), Math.cos(3.0 * angle));
        store<f64>(twiddles + 5 * mBytes + (<usize>(h + j) << 3), Math.sin(3.0 * angle));
      }
    }
  }
}
