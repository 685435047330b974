/**
 * CRC-64/XZ (the checksum of the .xz format; ECMA-182 polynomial, reflected:
 * 0xC96C5795D7870F42, init and final xor all ones). A CRC detects every error burst of up to
 * 64 bits (so every corrupted byte) and misses other random corruptions with probability
 * 2^-64. JavaScript has no fast u64, so the register is kept as two u32 halves, and the
 * input is consumed 8 bytes per step with eight tables ("slicing-by-8").
 */
const POLY_LO = 0xd7870f42;
const POLY_HI = 0xc96c5795;

/** tables[t][b] = CRC register after byte b followed by t zero bytes (lo, hi interleaved). */
const TABLES: Uint32Array[] = (() => {
  const first = new Uint32Array(512);
  for (let b = 0; b < 256; b++) {
    let lo = b;
    let hi = 0;
    for (let bit = 0; bit < 8; bit++) {
      const carry = lo & 1;
      lo = ((lo >>> 1) | (hi << 31)) >>> 0;
      hi >>>= 1;
      if (carry) {
        lo = (lo ^ POLY_LO) >>> 0;
        hi = (hi ^ POLY_HI) >>> 0;
      }
    }
    first[2 * b] = lo;
    first[2 * b + 1] = hi;
  }
  const tables = [first];
  for (let t = 1; t < 8; t++) {
    const previous = tables[t - 1]!;
    const next = new Uint32Array(512);
    for (let b = 0; b < 256; b++) {
      const lo = previous[2 * b]!;
      const hi = previous[2 * b + 1]!;
      const index = lo & 0xff;
      next[2 * b] = (((lo >>> 8) | (hi << 24)) ^ first[2 * index]!) >>> 0;
      next[2 * b + 1] = ((hi >>> 8) ^ first[2 * index + 1]!) >>> 0;
    }
    tables.push(next);
  }
  return tables;
})();

/** CRC-64/XZ of `bytes`, as a bigint. */
export function crc64(bytes: Uint8Array): bigint {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES as [
    Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array,
  ];
  let lo = 0xffffffff;
  let hi = 0xffffffff;
  let i = 0;
  const end8 = bytes.length - (bytes.length % 8);
  for (; i < end8; i += 8) {
    const a = (lo ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24))) >>> 0;
    const b = (hi ^ (bytes[i + 4]! | (bytes[i + 5]! << 8) | (bytes[i + 6]! << 16) | (bytes[i + 7]! << 24))) >>> 0;
    const i7 = 2 * (a & 0xff);
    const i6 = 2 * ((a >>> 8) & 0xff);
    const i5 = 2 * ((a >>> 16) & 0xff);
    const i4 = 2 * (a >>> 24);
    const i3 = 2 * (b & 0xff);
    const i2 = 2 * ((b >>> 8) & 0xff);
    const i1 = 2 * ((b >>> 16) & 0xff);
    const i0 = 2 * (b >>> 24);
    lo = (t7[i7]! ^ t6[i6]! ^ t5[i5]! ^ t4[i4]! ^ t3[i3]! ^ t2[i2]! ^ t1[i1]! ^ t0[i0]!) >>> 0;
    hi = (t7[i7 + 1]! ^ t6[i6 + 1]! ^ t5[i5 + 1]! ^ t4[i4 + 1]! ^ t3[i3 + 1]! ^ t2[i2 + 1]! ^ t1[i1 + 1]! ^ t0[i0 + 1]!) >>> 0;
  }
  for (; i < bytes.length; i++) {
    const index = 2 * ((lo ^ bytes[i]!) & 0xff);
    lo = (((lo >>> 8) | (hi << 24)) ^ t0[index]!) >>> 0;
    hi = ((hi >>> 8) ^ t0[index + 1]!) >>> 0;
  }
  return (BigInt((hi ^ 0xffffffff) >>> 0) << 32n) | BigInt((lo ^ 0xffffffff) >>> 0);
}
