/**
 * CRC-64/XZ (the checksum of the .xz format; ECMA-182 polynomial, reflected:
 * 0xC96C5795D7870F42, init and final xor all ones). A CRC detects every error burst of up to
 * 64 bits (so every corrupted byte) and misses other random corruptions with probability
 * 2^-64. JavaScript has no fast u64, so the register is kept as two 32-bit halves and the
 * input is consumed 8 bytes per step with eight 256-entry tables ("slicing-by-8"), stored
 * flat as Int32Array halves (about 3x faster in V8 than interleaved or nested tables).
 */
const POLY_LO = 0xd7870f42 | 0;
const POLY_HI = 0xc96c5795 | 0;

/** Entry t*256 + b: the register after byte b followed by t zero bytes (low and high halves). */
const [LO, HI] = ((): [Int32Array, Int32Array] => {
  const lo = new Int32Array(8 * 256);
  const hi = new Int32Array(8 * 256);
  for (let b = 0; b < 256; b++) {
    let l = b;
    let h = 0;
    for (let bit = 0; bit < 8; bit++) {
      const carry = l & 1;
      l = (l >>> 1) | (h << 31);
      h >>>= 1;
      if (carry) {
        l ^= POLY_LO;
        h ^= POLY_HI;
      }
    }
    lo[b] = l;
    hi[b] = h;
  }
  for (let t = 1; t < 8; t++) {
    for (let b = 0; b < 256; b++) {
      const l = lo[(t - 1) * 256 + b]!;
      const h = hi[(t - 1) * 256 + b]!;
      const index = l & 0xff;
      lo[t * 256 + b] = ((l >>> 8) | (h << 24)) ^ lo[index]!;
      hi[t * 256 + b] = (h >>> 8) ^ hi[index]!;
    }
  }
  return [lo, hi];
})();

/** CRC-64/XZ of `bytes`, as a bigint. */
export function crc64(bytes: Uint8Array): bigint {
  const whole = bytes.length - (bytes.length % 8);
  // The 8-byte steps read little-endian u32 pairs; an unaligned view is copied first.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice(0, whole);
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, whole / 4);
  let lo = -1;
  let hi = -1;
  for (let i = 0; i < words.length; i += 2) {
    const a = lo ^ words[i]!;
    const b = hi ^ words[i + 1]!;
    const i7 = 1792 + (a & 0xff);
    const i6 = 1536 + ((a >>> 8) & 0xff);
    const i5 = 1280 + ((a >>> 16) & 0xff);
    const i4 = 1024 + (a >>> 24);
    const i3 = 768 + (b & 0xff);
    const i2 = 512 + ((b >>> 8) & 0xff);
    const i1 = 256 + ((b >>> 16) & 0xff);
    const i0 = b >>> 24;
    lo = LO[i7]! ^ LO[i6]! ^ LO[i5]! ^ LO[i4]! ^ LO[i3]! ^ LO[i2]! ^ LO[i1]! ^ LO[i0]!;
    hi = HI[i7]! ^ HI[i6]! ^ HI[i5]! ^ HI[i4]! ^ HI[i3]! ^ HI[i2]! ^ HI[i1]! ^ HI[i0]!;
  }
  for (let i = whole; i < bytes.length; i++) {
    const index = (lo ^ bytes[i]!) & 0xff;
    lo = ((lo >>> 8) | (hi << 24)) ^ LO[index]!;
    hi = (hi >>> 8) ^ HI[index]!;
  }
  return (BigInt((hi ^ -1) >>> 0) << 32n) | BigInt((lo ^ -1) >>> 0);
}
