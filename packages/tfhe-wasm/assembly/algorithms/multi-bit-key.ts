import { ggswFourierBytes } from '../entities/sizes';
import { ggswEncryptFourier } from './bootstrap-key';

/**
 * Multi-bit bootstrap key (grouping factor g): the n small-key bits are split into n/g groups
 * of g consecutive bits; for each group and each nonzero bit pattern p in 1 .. 2^g - 1 the key
 * holds one Fourier GGSW of the indicator
 *   ind_p = prod_(i in p) s_i * prod_(i not in p) (1 - s_i)      (1 iff the group's bits equal p)
 * Exactly one pattern (or none, when the group's bits are all 0) has ind_p = 1, which is what
 * lets the blind rotation replace g CMUXes by one external product (multi-bit-blind-rotation.ts).
 *
 * Layout: [group 0 .. n/g - 1][pattern 1 .. 2^g - 1] GGSWs in the Fourier layout of
 * entities/sizes.ts; pattern bit i (value 1 << i) stands for key bit g*group + i.
 */
export function multiBitBootstrapKeyBytes(lweDimension: i32, groupingFactor: i32, glweDimension: i32, polynomialSize: i32, level: i32): usize {
  const groups = <usize>(lweDimension / groupingFactor);
  return groups * <usize>((1 << groupingFactor) - 1) * ggswFourierBytes(glweDimension, polynomialSize, level);
}

/**
 * Fills a multi-bit bootstrap key (layout above) from the small key (n u64 bits) and the GLWE
 * key in the Fourier domain. Masks come from maskRng in key order; noise from noiseRng.
 * `scratch` holds ggswEncryptScratchBytes(k, N). n must be a multiple of g.
 */
export function multiBitBootstrapKeyGenerate(
  bsk: usize,
  smallKey: usize,
  lweDimension: i32,
  groupingFactor: i32,
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
  const patterns = (1 << groupingFactor) - 1;
  const ggswBytes = ggswFourierBytes(glweDimension, polynomialSize, level);
  const groups = lweDimension / groupingFactor;
  let out = bsk;
  for (let group = 0; group < groups; group++) {
    const bits = smallKey + (<usize>(group * groupingFactor) << 3);
    for (let p = 1; p <= patterns; p++) {
      let indicator: u64 = 1;
      for (let i = 0; i < groupingFactor; i++) {
        const bit = load<u64>(bits + (<usize>i << 3));
        indicator *= ((p >> i) & 1) != 0 ? bit : 1 - bit;
      }
      ggswEncryptFourier(out, indicator, keyFourier, glweDimension, polynomialSize, baseLog, level, noiseStdDev, noiseRng, maskRng, twiddles, scratch);
      out += ggswBytes;
    }
  }
}
