import { glweEncrypt } from '../algorithms/glwe-encryption';
import { ggswFourierPolynomialStride, keyswitchKeyRowWords } from '../entities/sizes';
import { fftForwardI64 } from '../fft/negacyclic-fft';
import { csprngFillU64 } from '../random/csprng';

/**
 * Seeded (compressible) evaluation keys: every mask is a pure function of the public mask
 * seed, so a key travels as (seed, bodies) and the receiver regenerates the masks.
 *
 * GGSW row (level j, row r) of a key bit m, f = q / B^j:
 *   row r < k:  (A_0 .. A_(k-1), B - m * f * S_r)   phase E - m * f * S_r
 *   row k:      (A_0 .. A_(k-1), B + m * f)         phase E + m * f
 * with (A, B = sum A_i S_i + E) a GLWE encryption of zero. This is the GGSW of
 * algorithms/bootstrap-key.ts with the message of rows r < k moved from the constant
 * coefficient of mask r into the body: both rows have the same phase, and the external
 * product only depends on the phases, but here the masks carry no secret (as in tfhe-rs).
 * Masks are drawn exactly as glweEncrypt draws them (k*N u64 per row, order key bit, level,
 * row), and the Fourier layout is that of the bootstrap key (entities/sizes.ts).
 */

/**
 * Encrypts GGSW `bit` of the small key (the key stays in WASM memory) into `ggsw` (Fourier
 * domain) and writes its l*(k+1) standard-domain bodies (N u64 each, order level, row) to
 * `bodies`. No branch depends on the key bit. Scratch: ggswEncryptScratchBytes(k, N).
 */
export function seededGgswEncryptFourier(
  ggsw: usize,
  bodies: usize,
  smallKey: usize,
  bit: i32,
  glweKey: usize,
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
  const body = row + <usize>glweDimension * nb;
  const message = load<u64>(smallKey + (<usize>bit << 3));
  let out = ggsw;
  let bodyOut = bodies;
  for (let j = 1; j <= level; j++) {
    const factor = message << <u64>(64 - baseLog * j);
    for (let r = 0; r < k1; r++) {
      glweEncrypt(row, 0, keyFourier, glweDimension, polynomialSize, noiseStdDev, noiseRng, maskRng, twiddles, productScratch);
      if (r < glweDimension) {
        const keyPolynomial = glweKey + <usize>r * nb;
        for (let p: usize = 0; p < nb; p += 8) store<u64>(body + p, load<u64>(body + p) - factor * load<u64>(keyPolynomial + p));
      } else {
        store<u64>(body, load<u64>(body) + factor);
      }
      memory.copy(bodyOut, body, nb);
      bodyOut += nb;
      for (let c = 0; c < k1; c++) {
        fftForwardI64(out, row + <usize>c * nb, polynomialSize, twiddles);
        memory.fill(out + nb, 0, stride - nb);
        out += stride;
      }
    }
  }
}

/**
 * Rebuilds one Fourier-domain GGSW from its l*(k+1) standard-domain bodies and the masks of
 * `maskRng` (positioned at this GGSW). Bit-identical to what seededGgswEncryptFourier wrote.
 * Scratch: (k+1)*N u64.
 */
export function seededGgswExpandFourier(
  ggsw: usize,
  bodies: usize,
  glweDimension: i32,
  polynomialSize: i32,
  level: i32,
  maskRng: usize,
  twiddles: usize,
  scratch: usize,
): void {
  const nb = <usize>polynomialSize << 3;
  const stride = ggswFourierPolynomialStride(polynomialSize);
  const k1 = glweDimension + 1;
  const body = scratch + <usize>glweDimension * nb;
  let out = ggsw;
  let bodyIn = bodies;
  for (let j = 1; j <= level; j++) {
    for (let r = 0; r < k1; r++) {
      csprngFillU64(maskRng, scratch, glweDimension * polynomialSize);
      memory.copy(body, bodyIn, nb);
      bodyIn += nb;
      for (let c = 0; c < k1; c++) {
        fftForwardI64(out, scratch + <usize>c * nb, polynomialSize, twiddles);
        memory.fill(out + nb, 0, stride - nb);
        out += stride;
      }
    }
  }
}

/**
 * Rebuilds the keyswitch key (32-bit torus, layout of algorithms/keyswitch.ts) from one u32
 * body per row, in storage order (input i, level l..1), and the masks of `maskRng`: one u64
 * draw per mask word, top 32 bits kept, as keyswitchKeyGenerate draws them.
 * Scratch: n_out u64.
 */
export function seededKeyswitchKeyExpand(
  ksk: usize,
  bodies: usize,
  inputLweDimension: i32,
  outputLweDimension: i32,
  level: i32,
  maskRng: usize,
  scratch: usize,
): void {
  const rowBytes = <usize>keyswitchKeyRowWords(outputLweDimension) << 2;
  const bodyOffset = <usize>outputLweDimension << 2;
  const rows = inputLweDimension * level;
  let row = ksk;
  for (let i = 0; i < rows; i++) {
    csprngFillU64(maskRng, scratch, outputLweDimension);
    for (let x = 0; x < outputLweDimension; x++) {
      store<u32>(row + (<usize>x << 2), <u32>(load<u64>(scratch + (<usize>x << 3)) >> 32));
    }
    store<u32>(row + bodyOffset, load<u32>(bodies + (<usize>i << 2)));
    for (let p = bodyOffset + 4; p < rowBytes; p += 4) store<u32>(row + p, 0);
    row += rowBytes;
  }
}
