/**
 * Memory layouts of the TFHE entities, as functions of their parameters (sizes in u64 words
 * unless the name says bytes). All torus values are u64; Fourier polynomials are N f64.
 *
 * LWE ciphertext (dimension n):        [a_0 .. a_(n-1), b]                     n + 1 words
 * GLWE ciphertext (k, N):              [A_0 .. A_(k-1), B], each N coefficients (k+1)*N words
 * GGSW in the Fourier domain (k,N,l):  [level 1..l][row 0..k][column 0..k] Fourier polynomials,
 *                                      each N f64 then, for N >= 8192, 128 zero bytes
 * Bootstrap key (n GGSWs):             GGSW_0 .. GGSW_(n-1), Fourier domain
 * Keyswitch key (n_in -> n_out, l):    [input i][level l..1] LWE rows of n_out + 1 u32 words
 *                                      (32-bit torus, see keyswitch.ts), padded to a multiple
 *                                      of 4 words so every row is 16-byte aligned
 * Small-key LWE ciphertext (keyswitch output): n_out + 1 u64 words, in a region of at least
 *                                      max(n_out + 1, keyswitchKeyRowWords(n_out)) u64 words
 */
export function lweCiphertextWords(lweDimension: i32): i32 {
  return lweDimension + 1;
}

export function glweCiphertextWords(glweDimension: i32, polynomialSize: i32): i32 {
  return (glweDimension + 1) * polynomialSize;
}

export function ggswFourierBytes(glweDimension: i32, polynomialSize: i32, level: i32): usize {
  const k1 = <usize>(glweDimension + 1);
  return <usize>level * k1 * k1 * ggswFourierPolynomialStride(polynomialSize);
}

/**
 * Why large GGSW polynomials are padded: N*8 bytes is a multiple of 4 KiB, so unpadded the
 * (k+1)^2 polynomials of a level all start in the same L1 cache set (address bits 6..11), and
 * at N >= 8192 also in the same L2 set; the external product streams them side by side (re and
 * im halves: 8 streams for k = 1), more lines of one set than the caches have ways. Two lines
 * of padding put them in distinct sets. Measured with bench/compare-builds.js: KS+PBS 1.06x
 * at 6 bits (N = 8192), no gain at N = 2048 and 4096, which keep the unpadded layout.
 */
const GGSW_POLYNOMIAL_PADDING: usize = 2 * 64;
const GGSW_PADDED_FROM_BYTES: usize = 8192 * 8;

/** Bytes from one Fourier polynomial of a GGSW to the next: N f64, then the padding if any. */
export function ggswFourierPolynomialStride(polynomialSize: i32): usize {
  const bytes = <usize>polynomialSize << 3;
  return bytes >= GGSW_PADDED_FROM_BYTES ? bytes + GGSW_POLYNOMIAL_PADDING : bytes;
}

export function bootstrapKeyFourierBytes(lweDimension: i32, glweDimension: i32, polynomialSize: i32, level: i32): usize {
  return <usize>lweDimension * ggswFourierBytes(glweDimension, polynomialSize, level);
}

/** u32 words of one keyswitch key row. */
export function keyswitchKeyRowWords(outputLweDimension: i32): i32 {
  return (outputLweDimension + 4) & ~3;
}

export function keyswitchKeyBytes(inputLweDimension: i32, outputLweDimension: i32, level: i32): usize {
  return <usize>inputLweDimension * <usize>level * (<usize>keyswitchKeyRowWords(outputLweDimension) << 2);
}
