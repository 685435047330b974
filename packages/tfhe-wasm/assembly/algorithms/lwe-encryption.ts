import { csprngAddGaussianU64, csprngFillU64 } from '../random/csprng';

/** <a, s> mod 2^64 for a binary key s (u64 words 0/1). */
export function lweMaskKeyDot(mask: usize, key: usize, lweDimension: i32): u64 {
  let acc = i64x2.splat(0);
  const end = <usize>lweDimension << 3;
  let p: usize = 0;
  for (; p + 16 <= end; p += 16) {
    acc = i64x2.add(acc, i64x2.mul(v128.load(mask + p), v128.load(key + p)));
  }
  let sum = <u64>(i64x2.extract_lane(acc, 0) + i64x2.extract_lane(acc, 1));
  if (p < end) sum += load<u64>(mask + p) * load<u64>(key + p);
  return sum;
}

/**
 * LWE encryption of a plaintext (an already encoded torus value) under a binary key s:
 *   a <- uniform (mask generator),  e <- N(0, sigma^2) (noise generator),
 *   b = <a, s> + plaintext + e  (mod 2^64);  ciphertext = (a, b).
 */
export function lweEncrypt(
  ct: usize,
  key: usize,
  lweDimension: i32,
  plaintext: u64,
  noiseStdDev: f64,
  noiseRng: usize,
  maskRng: usize,
): void {
  csprngFillU64(maskRng, ct, lweDimension);
  const body = ct + (<usize>lweDimension << 3);
  store<u64>(body, lweMaskKeyDot(ct, key, lweDimension) + plaintext);
  csprngAddGaussianU64(noiseRng, body, 1, noiseStdDev);
}

/** Phase b - <a, s> = plaintext + noise: decoding it is the caller's job. */
export function lweDecryptPhase(ct: usize, key: usize, lweDimension: i32): u64 {
  return load<u64>(ct + (<usize>lweDimension << 3)) - lweMaskKeyDot(ct, key, lweDimension);
}
