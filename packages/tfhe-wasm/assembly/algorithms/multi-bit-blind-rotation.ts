import { pointByte } from '../fft/fourier-layout';
import { ggswFourierBytes, ggswFourierPolynomialStride } from '../entities/sizes';
import { decompositionInitStates } from './decomposition';
import { externalProductAddStates, externalProductStatesScratchBytes } from './external-product';
import { multiBitExternalProductAddK1, multiBitExternalProductK1ScratchBytes } from './multi-bit-external-product';

/**
 * Multi-bit blind rotation (tfhe-rs `multi_bit` PBS), grouping factor g.
 *
 * The classic blind rotation multiplies the accumulator by X^(a~_i s_i) one key bit at a time
 * (one CMUX = one external product per bit). Group g bits instead: with the indicator GGSWs
 * of multi-bit-key.ts (ind_p = 1 iff the group's bits equal pattern p),
 *   X^(sum_(i in group) a~_i s_i) - 1 = sum_(p != 0) ind_p * (X^(e_p) - 1),
 *   e_p = sum_(i in p) a~_i mod 2N,
 * because exactly one indicator is 1 (and for the all-zero pattern both sides are 0). So
 *   ACC <- ACC + G [x] ACC,   G = sum_(p != 0) GGSW(ind_p) * (X^(e_p) - 1),
 * rotates the accumulator by the whole group at the cost of ONE external product. G is a GGSW
 * of X^(<a~, s>_group) - 1 built in the Fourier domain: the negacyclic FFT evaluates a
 * polynomial at the odd powers zeta_m = e^(i pi r_m / N) of a primitive 2N-th root of unity
 * (slot m, r_m odd), so the transform of X^e - 1 is zeta_m^e - 1 = roots[r_m * e mod 2N] - 1, a
 * diagonal factor: each of G's l(k+1)^2 Fourier polynomials is sum_p GGSW_p[c] * f_p pointwise.
 * Cost per group: (2^g - 1) l (k+1)^2 complex multiply-adds to build G + one external product,
 * instead of g external products.
 *
 * Noise: G's key noise is the sum over the 2^g - 1 patterns of GGSW noise times X^e - 1 (two
 * +-1 coefficients), about 2(2^g - 1) times one GGSW's variance per group, i.e. 2(2^g - 1)/g
 * times the classic key term per key bit; multi-bit sets compensate with a larger n.
 *
 * Tables (computed once per N by the TypeScript side, src/multi-bit/fourier-monomials.ts):
 * `slotExponents` i32[N/2] = r_m; `roots` (cos, sin)(pi t / N) pairs of f64 for t in [0, 2N),
 * interleaved so each lookup touches one cache line.
 */

/** Scratch bytes of multiBitBlindRotate: the factors, G, then the external product's. */
export function multiBitBlindRotateScratchBytes(groupingFactor: i32, glweDimension: i32, polynomialSize: i32, level: i32): usize {
  const patterns = <usize>((1 << groupingFactor) - 1);
  const nb = <usize>polynomialSize << 3;
  const general = <usize>(glweDimension + 1) * nb + externalProductStatesScratchBytes(glweDimension, polynomialSize);
  const product = glweDimension == 1 ? multiBitExternalProductK1ScratchBytes(polynomialSize) : general;
  return patterns * nb + ggswFourierBytes(glweDimension, polynomialSize, level) + product;
}

/**
 * factors[p - 1] = transform of X^(e_p) - 1 (pair layout, N f64 each) for every nonzero
 * pattern p of a group whose g switched mask values (u32 in [0, 2N)) are at `switched`:
 * zeta_m^(a_i) is looked up for the g single-bit patterns only (roots[r_m a_i mod 2N]); a
 * pattern of several bits is the product of two earlier ones, zeta^(e_p) = zeta^(e_low) *
 * zeta^(e_rest) (a complex product per slot, exact to a few ulps), so a group costs g table
 * lookups per slot instead of 2^g - 1; finally 1 is subtracted from every real part.
 */
export function multiBitGroupFactors(factors: usize, switched: usize, groupingFactor: i32, slotExponents: usize, roots: usize, polynomialSize: i32): void {
  const half = polynomialSize >> 1;
  const nb = <usize>polynomialSize << 3;
  const mask = (polynomialSize << 1) - 1;
  const patterns = (1 << groupingFactor) - 1;
  for (let i = 0; i < groupingFactor; i++) {
    const a = load<i32>(switched + (<usize>i << 2)) & mask;
    const factor = factors + <usize>((1 << i) - 1) * nb;
    for (let m = 0; m < half; m++) {
      const t = <usize>((load<i32>(slotExponents + (<usize>m << 2)) * a) & mask) << 4;
      const at = factor + pointByte(m);
      store<f64>(at, load<f64>(roots + t));
      store<f64>(at, load<f64>(roots + t + 8), 16);
    }
  }
  for (let p = 3; p <= patterns; p++) {
    if ((p & (p - 1)) == 0) continue; // a single bit: looked up above
    const low = p & -p;
    const x = factors + <usize>(low - 1) * nb;
    const y = factors + <usize>((p ^ low) - 1) * nb;
    const out = factors + <usize>(p - 1) * nb;
    for (let pb: usize = 0; pb < nb; pb += 32) {
      const xr = v128.load(x + pb), xi = v128.load(x + pb, 16);
      const yr = v128.load(y + pb), yi = v128.load(y + pb, 16);
      v128.store(out + pb, f64x2.sub(f64x2.mul(xr, yr), f64x2.mul(xi, yi)));
      v128.store(out + pb, f64x2.add(f64x2.mul(xr, yi), f64x2.mul(xi, yr)), 16);
    }
  }
  const one = f64x2.splat(1.0);
  for (let p = 0; p < patterns; p++) {
    const factor = factors + <usize>p * nb;
    for (let pb: usize = 0; pb < nb; pb += 32) v128.store(factor + pb, f64x2.sub(v128.load(factor + pb), one));
  }
}

/**
 * Patterns combined per pass over a G polynomial. One pass over all of them streams the key
 * polynomials side by side (more memory parallelism, G written once): measured, g = 2 combines
 * in about 0.8x the time of one pass per pattern; but 2 x 7 key and 2 x 7 factor streams (g = 3)
 * overflow the L1 sets and run 1.5x slower, so larger groups go in chunks of this many.
 */
const COMBINE_CHUNK: i32 = 3;

/**
 * G[c] = sum_p GGSW_p[c] * factors[p] for each of the `polynomials` Fourier polynomials c of a
 * GGSW (stride apart), the group's `patterns` GGSWs being `ggswBytes` apart from `groupKey`.
 */
export function multiBitCombineGgsw(
  combined: usize,
  groupKey: usize,
  ggswBytes: usize,
  factors: usize,
  patterns: i32,
  polynomials: i32,
  stride: usize,
  polynomialSize: i32,
): void {
  const nb = <usize>polynomialSize << 3;
  for (let c = 0; c < polynomials; c++) {
    const out = combined + <usize>c * stride;
    const first = groupKey + <usize>c * stride;
    for (let from = 0; from < patterns; from += COMBINE_CHUNK) {
      const to = min(from + COMBINE_CHUNK, patterns);
      const chunkKey = first + <usize>from * ggswBytes;
      const chunkFactors = factors + <usize>from * nb;
      for (let pb: usize = 0; pb < nb; pb += 32) {
        let key = chunkKey + pb;
        let f = chunkFactors + pb;
        let sr = f64x2.splat(0), si = f64x2.splat(0);
        if (from > 0) {
          sr = v128.load(out + pb);
          si = v128.load(out + pb, 16);
        }
        for (let p = from; p < to; p++) {
          const kr = v128.load(key), ki = v128.load(key, 16);
          const fr = v128.load(f), fi = v128.load(f, 16);
          sr = f64x2.add(sr, f64x2.sub(f64x2.mul(kr, fr), f64x2.mul(ki, fi)));
          si = f64x2.add(si, f64x2.add(f64x2.mul(kr, fi), f64x2.mul(ki, fr)));
          key += ggswBytes;
          f += nb;
        }
        v128.store(out + pb, sr);
        v128.store(out + pb, si, 16);
      }
    }
  }
}

/**
 * Blind rotation with a multi-bit key: acc = X^(-b~) * LUT becomes X^(-b~ + sum_i a~_i s_i) * LUT
 * with one external product per group of g mask elements (a~_i: u32 in [0, 2N) at
 * switchedMask). n must be a multiple of g; `scratch` holds multiBitBlindRotateScratchBytes.
 */
export function multiBitBlindRotate(
  acc: usize,
  switchedMask: usize,
  bsk: usize,
  lweDimension: i32,
  groupingFactor: i32,
  glweDimension: i32,
  polynomialSize: i32,
  baseLog: i32,
  level: i32,
  twiddles: usize,
  slotExponents: usize,
  roots: usize,
  scratch: usize,
): void {
  const patterns = (1 << groupingFactor) - 1;
  const nb = <usize>polynomialSize << 3;
  const k1 = glweDimension + 1;
  const ggswBytes = ggswFourierBytes(glweDimension, polynomialSize, level);
  const stride = ggswFourierPolynomialStride(polynomialSize);
  const factors = scratch;
  const combined = factors + <usize>patterns * nb;
  const states = combined + ggswBytes;
  const productScratch = states + <usize>k1 * nb;
  const mask = (polynomialSize << 1) - 1;
  const groups = lweDimension / groupingFactor;
  for (let group = 0; group < groups; group++) {
    const a = switchedMask + (<usize>(group * groupingFactor) << 2);
    let any = 0;
    for (let i = 0; i < groupingFactor; i++) any |= load<i32>(a + (<usize>i << 2)) & mask;
    if (any == 0) continue; // every a~_i = 0: every e_p = 0, G = 0, nothing to add
    multiBitGroupFactors(factors, a, groupingFactor, slotExponents, roots, polynomialSize);
    const groupKey = bsk + <usize>group * <usize>patterns * ggswBytes;
    multiBitCombineGgsw(combined, groupKey, ggswBytes, factors, patterns, level * k1 * k1, stride, polynomialSize);
    if (glweDimension == 1) {
      multiBitExternalProductAddK1(acc, combined, polynomialSize, baseLog, level, twiddles, states);
      continue;
    }
    // The states copy ACC's decomposition, so the product can add into ACC itself.
    decompositionInitStates(states, acc, k1 * polynomialSize, baseLog, level);
    externalProductAddStates(acc, combined, states, glweDimension, polynomialSize, baseLog, level, twiddles, productScratch);
  }
}
