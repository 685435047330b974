import { csprngFillU64, csprngGaussianI64 } from '../random/csprng';
import { keyswitchKeyRowWords } from '../entities/sizes';
import { decompositionInitState } from './decomposition';

/**
 * Keyswitch key from a binary input key s (n_in) to a binary output key s' (n_out), stored
 * modulo 2^32: for every input coefficient i and level j = 1..l, an LWE encryption under s'
 * of s_i * 2^32 / B^j on the 32-bit torus (masks = top 32 bits of the mask stream's u64 words,
 * noise = the Gaussian of std dev sigma rounded to the 32-bit torus).
 *
 * Why 32 bits: after the keyswitch the ciphertext is modulus-switched to 2N (12..15 bits),
 * so only the top bits of the result matter, while the key is the largest object the hot
 * loop streams from memory (68 MB at 4 bits as u64). Halving it halves the keyswitch; the
 * rounding adds a variance ~ n_in*l*(B^2/12)*(n_out/2)*2^-64/12, below 2^-40 for the presets,
 * ~2^-20 of the keyswitch noise itself. (tfhe-rs's KS32 atomic pattern does the same.)
 * Rows are padded to a multiple of 4 words (16-byte aligned, i32x4 lanes) and stored, for each
 * input i, from level l down to level 1: the keyswitch extracts digits least significant
 * first, so it then streams the key strictly forwards.
 * Masks come from maskRng in storage order (i, then j = l..1), n_out u64 draws per row.
 * Scratch: n_out u64 (keyswitchKeyGenerateScratchBytes).
 */
export function keyswitchKeyGenerateScratchBytes(outputLweDimension: i32): usize {
  return <usize>outputLweDimension << 3;
}

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
  scratch: usize,
): void {
  const rowBytes = <usize>keyswitchKeyRowWords(outputLweDimension) << 2;
  const bodyOffset = <usize>outputLweDimension << 2;
  let row = ksk;
  for (let i = 0; i < inputLweDimension; i++) {
    const bit = <u32>load<u64>(inputKey + (<usize>i << 3));
    for (let j = level; j >= 1; j--) {
      let dot: u32 = 0;
      csprngFillU64(maskRng, scratch, outputLweDimension);
      for (let x = 0; x < outputLweDimension; x++) {
        const a = <u32>(load<u64>(scratch + (<usize>x << 3)) >> 32);
        store<u32>(row + (<usize>x << 2), a);
        dot += a * <u32>load<u64>(outputKey + (<usize>x << 3));
      }
      const noise = <u64>csprngGaussianI64(noiseRng, noiseStdDev);
      const noise32 = <u32>((noise + 0x80000000) >> 32);
      store<u32>(row + bodyOffset, dot + (bit << <u32>(32 - baseLog * j)) + noise32);
      for (let p = bodyOffset + 4; p < rowBytes; p += 4) store<u32>(row + p, 0);
      row += rowBytes;
    }
  }
}

/**
 * Keyswitch (a_1..a_(n_in), b) under s to a ciphertext under s' with the same phase:
 *   out = (0, .., 0, b) - sum_i sum_j d_(i,j) * KSK_(i,j)
 * where d_(i,j) are the signed digits of a_i; the phase is b - sum_i a_i s_i + (KS noise).
 * Accumulates on the 32-bit torus (four lanes per i32x4, zero digits skipped) in the first
 * half of `out`, then widens in place to u64 words (value << 32). `out` holds
 * keyswitchKeyRowWords(n_out) / 2 + 1 u64 words at least.
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
  keyswitchAccumulate(out, input, ksk, 0, inputLweDimension, inputLweDimension, outputLweDimension, baseLog, level, true);
  keyswitchWiden(out, outputLweDimension);
}

/**
 * The accumulation of keyswitchLweCiphertext over the input coefficients [first, end) only, on
 * the 32-bit torus into `out32` (zeroed first; the input's body added when `withBody`): the
 * keyswitch is the sum of such partial results, mod 2^32.
 */
export function keyswitchAccumulate(
  out32: usize,
  input: usize,
  ksk: usize,
  first: i32,
  end: i32,
  inputLweDimension: i32,
  outputLweDimension: i32,
  baseLog: i32,
  level: i32,
  withBody: bool,
): void {
  const rowBytes = <usize>keyswitchKeyRowWords(outputLweDimension) << 2;
  memory.fill(out32, 0, rowBytes);
  if (withBody) {
    const inputBody = load<u64>(input + (<usize>inputLweDimension << 3));
    store<u32>(out32 + (<usize>outputLweDimension << 2), <u32>((inputBody + 0x80000000) >> 32));
  }
  for (let i = first; i < end; i++) {
    let state = decompositionInitState(load<u64>(input + (<usize>i << 3)), baseLog, level);
    // Level l (least significant) first: the rows of input i are stored in that order.
    let row = ksk + <usize>i * <usize>level * rowBytes;
    for (let j = level; j >= 1; j--) {
      const d = keyswitchDigit(state, baseLog);
      state = keyswitchCarry(state, baseLog);
      if (d != 0) keyswitchSubtractRow(out32, row, rowBytes, d);
      row += rowBytes;
    }
  }
}

/** The least significant signed digit of a decomposition state, in [-B/2, B/2). */
// @ts-ignore: decorator
@inline
export function keyswitchDigit(state: u64, baseLog: i32): i32 {
  const digit = state & ((<u64>1 << <u64>baseLog) - 1);
  const carry = (digit >> <u64>(baseLog - 1)) & 1;
  return <i32>digit - <i32>(carry << <u64>baseLog);
}

/** The state after its least significant digit: (state - digit) / B. */
// @ts-ignore: decorator
@inline
export function keyswitchCarry(state: u64, baseLog: i32): u64 {
  const digit = state & ((<u64>1 << <u64>baseLog) - 1);
  return (state >> <u64>baseLog) + ((digit >> <u64>(baseLog - 1)) & 1);
}

/** out -= digit * row on the 32-bit torus, four lanes at a time. */
// @ts-ignore: decorator
@inline
export function keyswitchSubtractRow(out: usize, row: usize, rowBytes: usize, digit: i32): void {
  const d = i32x4.splat(digit);
  for (let p: usize = 0; p < rowBytes; p += 16) {
    v128.store(out + p, i32x4.sub(v128.load(out + p), i32x4.mul(v128.load(row + p), d)));
  }
}

/** The keyswitch result from u32 torus words to u64 (value << 32), in place, from the top down so no u32 is overwritten before it is read. */
export function keyswitchWiden(out: usize, outputLweDimension: i32): void {
  for (let x = outputLweDimension; x >= 0; x--) {
    store<u64>(out + (<usize>x << 3), <u64>load<u32>(out + (<usize>x << 2)) << 32);
  }
}
