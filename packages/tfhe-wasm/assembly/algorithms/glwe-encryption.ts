import { fftForwardI64 } from '../fft/negacyclic-fft';
import { csprngAddGaussianU64, csprngFillU64 } from '../random/csprng';
import { glweMaskKeyProductAddExact } from './polynomial';

/**
 * GLWE encryption of a polynomial plaintext M under a binary GLWE key (S_0 .. S_(k-1)):
 *   A_i <- uniform (mask generator), E <- N(0, sigma^2)^N (noise generator),
 *   B = sum_i A_i * S_i + M + E  in Z_(2^64)[X]/(X^N + 1).
 * The key is given by the Fourier transforms of its polynomials; the product is exact
 * (glweMaskKeyProductAddExact). plaintext = 0 encrypts zero. Scratch: exactProductScratchBytes.
 */
export function glweEncrypt(
  ct: usize,
  plaintext: usize,
  keyFourier: usize,
  glweDimension: i32,
  polynomialSize: i32,
  noiseStdDev: f64,
  noiseRng: usize,
  maskRng: usize,
  twiddles: usize,
  scratch: usize,
): void {
  const nb = <usize>polynomialSize << 3;
  const body = ct + <usize>glweDimension * nb;
  csprngFillU64(maskRng, ct, glweDimension * polynomialSize);
  if (plaintext != 0) memory.copy(body, plaintext, nb);
  else memory.fill(body, 0, nb);
  csprngAddGaussianU64(noiseRng, body, polynomialSize, noiseStdDev);
  glweMaskKeyProductAddExact(body, ct, keyFourier, glweDimension, polynomialSize, twiddles, scratch);
}

/** dst = B - sum_i A_i * S_i = M + E (the phase polynomial). Scratch: exactProductScratchBytes. */
export function glweDecryptPhase(
  dst: usize,
  ct: usize,
  keyFourier: usize,
  glweDimension: i32,
  polynomialSize: i32,
  twiddles: usize,
  scratch: usize,
): void {
  const nb = <usize>polynomialSize << 3;
  memory.fill(dst, 0, nb);
  glweMaskKeyProductAddExact(dst, ct, keyFourier, glweDimension, polynomialSize, twiddles, scratch);
  const body = ct + <usize>glweDimension * nb;
  for (let p: usize = 0; p < nb; p += 8) store<u64>(dst + p, load<u64>(body + p) - load<u64>(dst + p));
}

/** Fourier transforms of the k binary key polynomials (exact: coefficients are 0/1). */
export function glweKeyToFourier(keyFourier: usize, key: usize, glweDimension: i32, polynomialSize: i32, twiddles: usize): void {
  const nb = <usize>polynomialSize << 3;
  for (let i = 0; i < glweDimension; i++) {
    fftForwardI64(keyFourier + <usize>i * nb, key + <usize>i * nb, polynomialSize, twiddles);
  }
}
