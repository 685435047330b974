/**
 * ChaCha20 block function (RFC 8439, section 2.3).
 *
 * The state is a 4x4 matrix of u32 words:
 *
 *     row 0: "expand 32-byte k" constants   row 1: key[0..4]
 *     row 2: key[4..8]                      row 3: counter, nonce[0], nonce[1], nonce[2]
 *
 * A quarter round QR(a, b, c, d) is
 *     a += b; d ^= a; d <<<= 16;  c += d; b ^= c; b <<<= 12;
 *     a += b; d ^= a; d <<<= 8;   c += d; b ^= c; b <<<= 7;
 * A double round applies QR to the four columns, then to the four diagonals. The block is
 * the state after 10 double rounds plus the input state (word-wise, mod 2^32), serialized
 * little endian: 64 bytes of keystream per counter value.
 *
 * `chacha20Blocks4` computes four consecutive blocks at once ("vertical" SIMD: lane j of
 * vector i holds word i of block j, so every QR step is one i32x4 instruction), then
 * transposes 4x4 tiles to write the blocks one after the other. Rotations by 16 and 8 are
 * byte shuffles; by 12 and 7, two shifts and an or.
 *
 * All functions are pure: rows travel as v128 values, output goes to caller memory.
 */

const SIGMA_ROW: v128 = i32x4(0x61707865, 0x3320646e, 0x79622d32, 0x6b206574);

function rotl16(v: v128): v128 {
  return i8x16.shuffle(v, v, 2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13);
}

function rotl8(v: v128): v128 {
  return i8x16.shuffle(v, v, 3, 0, 1, 2, 7, 4, 5, 6, 11, 8, 9, 10, 15, 12, 13, 14);
}

function rotl12(v: v128): v128 {
  return v128.or(i32x4.shl(v, 12), i32x4.shr_u(v, 20));
}

function rotl7(v: v128): v128 {
  return v128.or(i32x4.shl(v, 7), i32x4.shr_u(v, 25));
}

/** Writes the 4x4 word tile (a, b, c, d) = words w..w+3 of four blocks, block j at out + 64j. */
function storeTile(out: usize, a: v128, b: v128, c: v128, d: v128): void {
  const ab01 = i32x4.shuffle(a, b, 0, 4, 1, 5);
  const cd01 = i32x4.shuffle(c, d, 0, 4, 1, 5);
  const ab23 = i32x4.shuffle(a, b, 2, 6, 3, 7);
  const cd23 = i32x4.shuffle(c, d, 2, 6, 3, 7);
  v128.store(out, i64x2.shuffle(ab01, cd01, 0, 2));
  v128.store(out + 64, i64x2.shuffle(ab01, cd01, 1, 3));
  v128.store(out + 128, i64x2.shuffle(ab23, cd23, 0, 2));
  v128.store(out + 192, i64x2.shuffle(ab23, cd23, 1, 3));
}

/**
 * Four consecutive ChaCha20 blocks (256 bytes) for the 32-byte key at `key` and the counter
 * words c, c+1, c+2, c+3 followed by the three nonce words of `row3` (the last state row: c
 * is its word 0, read from memory). The counter word wraps mod 2^32 as in RFC 8439.
 */
export function chacha20Blocks4(key: usize, row3: usize, out: usize): void {
  blocks4(v128.load(key), v128.load(key + 16), v128.load(row3), out);
}

function blocks4(key0: v128, key1: v128, row3: v128, out: usize): void {
  const counters = i32x4.add(i32x4.shuffle(row3, row3, 0, 0, 0, 0), i32x4(0, 1, 2, 3));
  const i4 = i32x4.shuffle(key0, key0, 0, 0, 0, 0), i5 = i32x4.shuffle(key0, key0, 1, 1, 1, 1), i6 = i32x4.shuffle(key0, key0, 2, 2, 2, 2), i7 = i32x4.shuffle(key0, key0, 3, 3, 3, 3);
  const i8 = i32x4.shuffle(key1, key1, 0, 0, 0, 0), i9 = i32x4.shuffle(key1, key1, 1, 1, 1, 1), i10 = i32x4.shuffle(key1, key1, 2, 2, 2, 2), i11 = i32x4.shuffle(key1, key1, 3, 3, 3, 3);
  const i13 = i32x4.shuffle(row3, row3, 1, 1, 1, 1), i14 = i32x4.shuffle(row3, row3, 2, 2, 2, 2), i15 = i32x4.shuffle(row3, row3, 3, 3, 3, 3);
  let x0 = i32x4.shuffle(SIGMA_ROW, SIGMA_ROW, 0, 0, 0, 0), x1 = i32x4.shuffle(SIGMA_ROW, SIGMA_ROW, 1, 1, 1, 1);
  let x2 = i32x4.shuffle(SIGMA_ROW, SIGMA_ROW, 2, 2, 2, 2), x3 = i32x4.shuffle(SIGMA_ROW, SIGMA_ROW, 3, 3, 3, 3);
  let x4 = i4, x5 = i5, x6 = i6, x7 = i7, x8 = i8, x9 = i9, x10 = i10, x11 = i11;
  let x12 = counters, x13 = i13, x14 = i14, x15 = i15;

  for (let round = 0; round < 10; round++) {
    // Columns: QR(0,4,8,12) QR(1,5,9,13) QR(2,6,10,14) QR(3,7,11,15), interleaved step by step.
    x0 = i32x4.add(x0, x4); x1 = i32x4.add(x1, x5); x2 = i32x4.add(x2, x6); x3 = i32x4.add(x3, x7);
    x12 = rotl16(v128.xor(x12, x0)); x13 = rotl16(v128.xor(x13, x1));
    x14 = rotl16(v128.xor(x14, x2)); x15 = rotl16(v128.xor(x15, x3));
    x8 = i32x4.add(x8, x12); x9 = i32x4.add(x9, x13); x10 = i32x4.add(x10, x14); x11 = i32x4.add(x11, x15);
    x4 = rotl12(v128.xor(x4, x8)); x5 = rotl12(v128.xor(x5, x9));
    x6 = rotl12(v128.xor(x6, x10)); x7 = rotl12(v128.xor(x7, x11));
    x0 = i32x4.add(x0, x4); x1 = i32x4.add(x1, x5); x2 = i32x4.add(x2, x6); x3 = i32x4.add(x3, x7);
    x12 = rotl8(v128.xor(x12, x0)); x13 = rotl8(v128.xor(x13, x1));
    x14 = rotl8(v128.xor(x14, x2)); x15 = rotl8(v128.xor(x15, x3));
    x8 = i32x4.add(x8, x12); x9 = i32x4.add(x9, x13); x10 = i32x4.add(x10, x14); x11 = i32x4.add(x11, x15);
    x4 = rotl7(v128.xor(x4, x8)); x5 = rotl7(v128.xor(x5, x9));
    x6 = rotl7(v128.xor(x6, x10)); x7 = rotl7(v128.xor(x7, x11));
    // Diagonals: QR(0,5,10,15) QR(1,6,11,12) QR(2,7,8,13) QR(3,4,9,14).
    x0 = i32x4.add(x0, x5); x1 = i32x4.add(x1, x6); x2 = i32x4.add(x2, x7); x3 = i32x4.add(x3, x4);
    x15 = rotl16(v128.xor(x15, x0)); x12 = rotl16(v128.xor(x12, x1));
    x13 = rotl16(v128.xor(x13, x2)); x14 = rotl16(v128.xor(x14, x3));
    x10 = i32x4.add(x10, x15); x11 = i32x4.add(x11, x12); x8 = i32x4.add(x8, x13); x9 = i32x4.add(x9, x14);
    x5 = rotl12(v128.xor(x5, x10)); x6 = rotl12(v128.xor(x6, x11));
    x7 = rotl12(v128.xor(x7, x8)); x4 = rotl12(v128.xor(x4, x9));
    x0 = i32x4.add(x0, x5); x1 = i32x4.add(x1, x6); x2 = i32x4.add(x2, x7); x3 = i32x4.add(x3, x4);
    x15 = rotl8(v128.xor(x15, x0)); x12 = rotl8(v128.xor(x12, x1));
    x13 = rotl8(v128.xor(x13, x2)); x14 = rotl8(v128.xor(x14, x3));
    x10 = i32x4.add(x10, x15); x11 = i32x4.add(x11, x12); x8 = i32x4.add(x8, x13); x9 = i32x4.add(x9, x14);
    x5 = rotl7(v128.xor(x5, x10)); x6 = rotl7(v128.xor(x6, x11));
    x7 = rotl7(v128.xor(x7, x8)); x4 = rotl7(v128.xor(x4, x9));
  }

  x0 = i32x4.add(x0, i32x4.shuffle(SIGMA_ROW, SIGMA_ROW, 0, 0, 0, 0)); x1 = i32x4.add(x1, i32x4.shuffle(SIGMA_ROW, SIGMA_ROW, 1, 1, 1, 1));
  x2 = i32x4.add(x2, i32x4.shuffle(SIGMA_ROW, SIGMA_ROW, 2, 2, 2, 2)); x3 = i32x4.add(x3, i32x4.shuffle(SIGMA_ROW, SIGMA_ROW, 3, 3, 3, 3));
  x4 = i32x4.add(x4, i4); x5 = i32x4.add(x5, i5); x6 = i32x4.add(x6, i6); x7 = i32x4.add(x7, i7);
  x8 = i32x4.add(x8, i8); x9 = i32x4.add(x9, i9); x10 = i32x4.add(x10, i10); x11 = i32x4.add(x11, i11);
  x12 = i32x4.add(x12, counters); x13 = i32x4.add(x13, i13);
  x14 = i32x4.add(x14, i14); x15 = i32x4.add(x15, i15);

  storeTile(out, x0, x1, x2, x3);
  storeTile(out + 16, x4, x5, x6, x7);
  storeTile(out + 32, x8, x9, x10, x11);
  storeTile(out + 48, x12, x13, x14, x15);
}

/**
 * RFC 8439 keystream: `nBytes` bytes of ChaCha20(key, nonce) starting at block `counter`,
 * written to `dst`. `key` is 32 bytes, `nonce` 12 bytes; the 32-bit counter wraps mod 2^32.
 * XOR this with a plaintext to get the RFC's encryption (section 2.4).
 */
export function chacha20Keystream(key: usize, nonce: usize, counter: u32, dst: usize, nBytes: i32): void {
  const key0 = v128.load(key);
  const key1 = v128.load(key + 16);
  let row3 = i32x4.splat(<i32>counter);
  row3 = i32x4.replace_lane(row3, 1, load<i32>(nonce));
  row3 = i32x4.replace_lane(row3, 2, load<i32>(nonce + 4));
  row3 = i32x4.replace_lane(row3, 3, load<i32>(nonce + 8));
  let done: i32 = 0;
  while (nBytes - done >= 256) {
    blocks4(key0, key1, row3, dst + <usize>done);
    row3 = i32x4.replace_lane(row3, 0, i32x4.extract_lane(row3, 0) + 4);
    done += 256;
  }
  // Tail (< 256 bytes): single blocks, the last one written partially.
  for (; done < nBytes; done += 64) {
    writeSingleBlock(key0, key1, row3, dst + <usize>done, min(64, nBytes - done));
    row3 = i32x4.replace_lane(row3, 0, i32x4.extract_lane(row3, 0) + 1);
  }
}

/**
 * One block (row-wise SIMD: the four rows are the four vectors, diagonals by lane rotation),
 * of which the first `nBytes` (<= 64) bytes are written to `out`.
 */
function writeSingleBlock(key0: v128, key1: v128, row3: v128, out: usize, nBytes: i32): void {
  let a = SIGMA_ROW, b = key0, c = key1, d = row3;
  for (let round = 0; round < 10; round++) {
    a = i32x4.add(a, b); d = rotl16(v128.xor(d, a));
    c = i32x4.add(c, d); b = rotl12(v128.xor(b, c));
    a = i32x4.add(a, b); d = rotl8(v128.xor(d, a));
    c = i32x4.add(c, d); b = rotl7(v128.xor(b, c));
    // Move diagonals into columns.
    b = i32x4.shuffle(b, b, 1, 2, 3, 0);
    c = i32x4.shuffle(c, c, 2, 3, 0, 1);
    d = i32x4.shuffle(d, d, 3, 0, 1, 2);
    a = i32x4.add(a, b); d = rotl16(v128.xor(d, a));
    c = i32x4.add(c, d); b = rotl12(v128.xor(b, c));
    a = i32x4.add(a, b); d = rotl8(v128.xor(d, a));
    c = i32x4.add(c, d); b = rotl7(v128.xor(b, c));
    b = i32x4.shuffle(b, b, 3, 0, 1, 2);
    c = i32x4.shuffle(c, c, 2, 3, 0, 1);
    d = i32x4.shuffle(d, d, 1, 2, 3, 0);
  }
  storeRowPrefix(out, i32x4.add(a, SIGMA_ROW), nBytes);
  storeRowPrefix(out + 16, i32x4.add(b, key0), nBytes - 16);
  storeRowPrefix(out + 32, i32x4.add(c, key1), nBytes - 32);
  storeRowPrefix(out + 48, i32x4.add(d, row3), nBytes - 48);
}

/** Stores the first min(16, nBytes) bytes of `row` at `out` (nothing when nBytes <= 0). */
function storeRowPrefix(out: usize, row: v128, nBytes: i32): void {
  if (nBytes >= 16) {
    v128.store(out, row);
    return;
  }
  let lo = <u64>i64x2.extract_lane(row, 0);
  let hi = <u64>i64x2.extract_lane(row, 1);
  for (let i = 0; i < nBytes; i++) {
    store<u8>(out + <usize>i, <u8>(i < 8 ? lo >> (<u64>i << 3) : hi >> (<u64>(i - 8) << 3)));
  }
}
