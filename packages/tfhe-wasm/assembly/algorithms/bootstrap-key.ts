import { fftForwardI64 } from '../fft/negacyclic-fft';
import { ggswFourierPolynomialStride } from '../entities/sizes';
import { exactProductScratchBytes } from './polynomial';
import { glweEncrypt } from './glwe-encryption';

/** Scratch bytes of ggswEncryptFourier. */
export function ggswEncryptScratchBytes(glweDimension: i32, polynomialSize: i32): usize {
  return <usize>(glweDimension + 1) * (<usize>polynomialSize << 3) + exactProductScratchBytes(polynomialSize);
}

/**
 * GGSW encryption of a small integer m (here a key bit), straight into the Fourier domain.
 * Row (level j, row r) for j = 1..l, r = 0..k is a GLWE encryption of zero plus
 *   m * q / B^j  added to the constant coefficient of component r,
 * so row r < k decrypts to -m * S_r * q/B^j and row k to m * q/B^j: an external product with
 * a decomposed GLWE then recombines to m * (B - sum A_i S_i). Each of the (k+1) polynomials of
 * each row is then transformed (layout in entities/sizes.ts).
 * Masks are drawn from maskRng in row order (level 1..l, row 0..k, polynomial 0..k-1).
 */
export function ggswEncryptFourier(
  ggsw: usize,
  message: u64,
  keyFourier: usize,
  glweDimension: i32,
  polynomialSize: i32,
  baseLog: i32,
  level: i32,
  noiseStdDev: f64,
  noiseRng: usize,
  maskRng: usize,
  twiddles: usize,
  scratch: usize,
): void {
  const nb = <usize>polynomialSize << 3;
  const stride = ggswFourierPolynomialStride(polynomialSize);
  const k1 = glweDimension + 1;
  const row = scratch;
  const productScratch = scratch + <usize>k1 * nb;
  let out = ggsw;
  for (let j = 1; j <= level; j++) {
    const factor = message << <u64>(64 - baseLog * j);
    for (let r = 0; r < k1; r++) {
      glweEncrypt(row, 0, keyFourier, glweDimension, polynomialSize, noiseStdDev, noiseRng, maskRng, twiddles, productScratch);
      const c0 = row + <usize>r * nb;
      store<u64>(c0, load<u64>(c0) + factor);
      for (let c = 0; c < k1; c++) {
        fftForwardI64(out, row + <usize>c * nb, polynomialSize, twiddles);
        memory.fill(out + nb, 0, stride - nb);
        out += stride;
      }
    }
  }
}
