/**
 * Linear algebra on LWE ciphertexts. LWE is linearly homomorphic: for clear integers w_i,
 *   sum_i w_i * (a_i, b_i) decrypts to sum_i w_i * m_i  (noise variance sum_i w_i^2 * V_i),
 * all modulo 2^64. `words` = n + 1 for every operation.
 */

/** dst += src */
export function lweAddAssign(dst: usize, src: usize, words: i32): void {
  const end = <usize>words << 3;
  let p: usize = 0;
  for (; p + 16 <= end; p += 16) v128.store(dst + p, i64x2.add(v128.load(dst + p), v128.load(src + p)));
  if (p < end) store<u64>(dst + p, load<u64>(dst + p) + load<u64>(src + p));
}

/** dst -= src */
export function lweSubAssign(dst: usize, src: usize, words: i32): void {
  const end = <usize>words << 3;
  let p: usize = 0;
  for (; p + 16 <= end; p += 16) v128.store(dst + p, i64x2.sub(v128.load(dst + p), v128.load(src + p)));
  if (p < end) store<u64>(dst + p, load<u64>(dst + p) - load<u64>(src + p));
}

/** dst = -dst */
export function lweNegAssign(dst: usize, words: i32): void {
  const end = <usize>words << 3;
  for (let p: usize = 0; p < end; p += 8) store<u64>(dst + p, 0 - load<u64>(dst + p));
}

/** dst *= scalar (a clear integer, two's complement) */
export function lweScalarMulAssign(dst: usize, scalar: i64, words: i32): void {
  const end = <usize>words << 3;
  const s = i64x2.splat(scalar);
  let p: usize = 0;
  for (; p + 16 <= end; p += 16) v128.store(dst + p, i64x2.mul(v128.load(dst + p), s));
  if (p < end) store<i64>(dst + p, load<i64>(dst + p) * scalar);
}

/** Adds an encoded plaintext to the body: decrypts to m + plaintext. */
export function lweAddPlaintextAssign(dst: usize, plaintext: u64, lweDimension: i32): void {
  const body = dst + (<usize>lweDimension << 3);
  store<u64>(body, load<u64>(body) + plaintext);
}

/** out = sum_i weights[i] * cts[i]; cts are `count` consecutive ciphertexts, weights i64. */
export function lweDotProduct(out: usize, cts: usize, weights: usize, count: i32, words: i32): void {
  memory.fill(out, 0, <usize>words << 3);
  lweMultiplyAccumulate(out, cts, weights, count, words);
}

/**
 * out_r = sum_c matrix[r][c] * cts[c] for r < rows: a clear i64 matrix (row-major) times a
 * vector of `cols` ciphertexts, giving `rows` consecutive ciphertexts.
 */
export function lweMatrixVectorProduct(out: usize, matrix: usize, cts: usize, rows: i32, cols: i32, words: i32): void {
  const ctBytes = <usize>words << 3;
  for (let r = 0; r < rows; r++) {
    lweDotProduct(out + <usize>r * ctBytes, cts, matrix + ((<usize>r * <usize>cols) << 3), cols, words);
  }
}

function lweMultiplyAccumulate(out: usize, cts: usize, weights: usize, count: i32, words: i32): void {
  const end = <usize>words << 3;
  for (let i = 0; i < count; i++) {
    const w = load<i64>(weights + (<usize>i << 3));
    if (w == 0) continue;
    const ct = cts + <usize>i * end;
    const ws = i64x2.splat(w);
    let p: usize = 0;
    for (; p + 16 <= end; p += 16) {
      v128.store(out + p, i64x2.add(v128.load(out + p), i64x2.mul(v128.load(ct + p), ws)));
    }
    if (p < end) store<i64>(out + p, load<i64>(out + p) + load<i64>(ct + p) * w);
  }
}
