import { csprngAddGaussianU64, csprngFillU64 } from '../random/csprng';
import { keyswitchKeyRowWords } from '../entities/sizes';
import { lweMaskKeyDot } from './lwe-encryption';
import { decompositionInitState } from './decomposition';

/**
 * Keyswitch key from a binary input key s (n_in) to a binary output key s' (n_out): for every
 * input coefficient i and level j = 1..l, an LWE encryption under s' of s_i * q / B^j.
 * Masks come from maskRng in row order (i, then j), n_out words each.
 */
export function keyswitchKeyGenerate(
  ksk: usize,
  inputKey: usize,
  inputLweDimension: i32,
  outputKey: usize,
  outputLweDimension: i32,
  baseLog: i32,
  level: i32,
  noiseStdDev: f64,
  noiseRng: usize,
  maskRng: usize,
): void {
  const rowBytes = <usize>keyswitchKeyRowWords(outputLweDimension) << 3;
  const bodyOffset = <usize>outputLweDimension << 3;
  let row = ksk;
  for (let i = 0; i < inputLweDimension; i++) {
    const bit = load<u64>(inputKey + (<usize>i << 3));
    for (let j = 1; j <= level; j++) {
      csprngFillU64(maskRng, row, outputLweDimension);
      const plaintext = bit << <u64>(64 - baseLog * j);
      store<u64>(row + bodyOffset, lweMaskKeyDot(row, outputKey, outputLweDimension) + plaintext);
      csprngAddGaussianU64(noiseRng, row + bodyOffset, 1, noiseStdDev);
      if (rowBytes > bodyOffset + 8) store<u64>(row + bodyOffset + 8, 0);
      row += rowBytes;
    }
  }
}

/**
 * Keyswitch (a_1..a_(n_in), b) under s to a ciphertext under s' with the same phase:
 *   out = (0, .., 0, b) - sum_i sum_j d_(i,j) * KSK_(i,j)
 * where d_(i,j) are the signed digits of a_i; the phase is b - sum_i a_i s_i + (KS noise).
 * Rows are subtracted two lanes at a time (i64x2); zero digits are skipped.
 */
export function keyswitchLweCiphertext(
  out: usize,
  input: usize,
  ksk: usize,
  inputLweDimension: i32,
  outputLweDimension: i32,
  baseLog: i32,
  level: i32,
): void {
  const rowWords = keyswitchKeyRowWords(outputLweDimension);
  const rowBytes = <usize>rowWords << 3;
  memory.fill(out, 0, rowBytes);
  store<u64>(out + (<usize>outputLweDimension << 3), load<u64>(input + (<usize>inputLweDimension << 3)));
  const mask: u64 = (<u64>1 << <u64>baseLog) - 1;
  const beta = <u64>baseLog;
  const carryShift = <u64>(baseLog - 1);
  for (let i = 0; i < inputLweDimension; i++) {
    let state = decompositionInitState(load<u64>(input + (<usize>i << 3)), baseLog, level);
    // Level l (least significant) first; its row is the last of input i.
    let row = ksk + (<usize>i * <usize>level + <usize>(level - 1)) * rowBytes;
    for (let j = level; j >= 1; j--) {
      const digit = state & mask;
      const carry = (digit >> carryShift) & 1;
      const d = <i64>digit - <i64>(carry << beta);
      state = (state >> beta) + carry;
      if (d != 0) subtractScaledRow(out, row, rowBytes, d);
      row -= rowBytes;
    }
  }
}

/**
 * out -= d * row. Digits are small (|d| <= B/2), and i64x2.mul costs about ten x86
 * instructions, so |d| <= 4 uses shifts and adds; larger digits multiply.
 */
function subtractScaledRow(out: usize, row: usize, rowBytes: usize, d: i64): void {
  const magnitude = d < 0 ? -d : d;
  const negative = d < 0;
  if (magnitude == 1 || magnitude == 2 || magnitude == 4) {
    const shift = magnitude == 1 ? 0 : magnitude == 2 ? 1 : 2;
    if (negative) {
      for (let p: usize = 0; p < rowBytes; p += 16) {
        v128.store(out + p, i64x2.add(v128.load(out + p), i64x2.shl(v128.load(row + p), shift)));
      }
    } else {
      for (let p: usize = 0; p < rowBytes; p += 16) {
        v128.store(out + p, i64x2.sub(v128.load(out + p), i64x2.shl(v128.load(row + p), shift)));
      }
    }
  } else if (magnitude == 3) {
    if (negative) {
      for (let p: usize = 0; p < rowBytes; p += 16) {
        const v = v128.load(row + p);
        v128.store(out + p, i64x2.add(v128.load(out + p), i64x2.add(v, i64x2.shl(v, 1))));
      }
    } else {
      for (let p: usize = 0; p < rowBytes; p += 16) {
        const v = v128.load(row + p);
        v128.store(out + p, i64x2.sub(v128.load(out + p), i64x2.add(v, i64x2.shl(v, 1))));
      }
    }
  } else {
    const ds = i64x2.splat(d);
    for (let p: usize = 0; p < rowBytes; p += 16) {
      v128.store(out + p, i64x2.sub(v128.load(out + p), i64x2.mul(v128.load(row + p), ds)));
    }
  }
}
