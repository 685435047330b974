import { ggswFourierBytes, keyswitchKeyRowWords } from '../entities/sizes';
import { blindRotateScratchBytes, cmuxRotate } from './blind-rotation';
import { decompositionInitState } from './decomposition';
import { keyswitchCarry, keyswitchDigit, keyswitchSubtractRow, keyswitchWiden } from './keyswitch';
import { prepareAccumulator } from './programmable-bootstrap';
import { glweSampleExtract } from './sample-extract';

/**
 * Two table lookups run side by side so that they read the evaluation keys once.
 *
 * Why: a KS+PBS streams its keys from memory (34 MB of keyswitch key and 55 MB of bootstrap
 * key at 4 bits, more than the last-level cache) and WASM has no prefetch instruction, so a
 * single lookup stalls on every key line. Two ciphertexts going through the same key row /
 * GGSW back to back find it in cache the second time: the keyswitch costs one key stream for
 * both, and the second CMUX of each step reads its 64 KiB GGSW from L2. The arithmetic is the
 * single lookup's, unchanged: outputs are bit-identical to two keyswitchThenBootstrap calls.
 */

/** Bytes of one small (keyswitched) ciphertext region, rounded to a cache line. */
function smallBytes(lweDimension: i32): usize {
  return ((<usize>keyswitchKeyRowWords(lweDimension) << 3) + 63) & ~63;
}

/** Bytes of one accumulator GLWE plus its switched mask (n u32), rounded to a cache line. */
function accumulatorBytes(lweDimension: i32, glweDimension: i32, polynomialSize: i32): usize {
  return (<usize>(glweDimension + 1) * <usize>polynomialSize << 3) + (((<usize>lweDimension << 2) + 63) & ~63);
}

/** Scratch bytes of keyswitchThenBootstrapPair: two small ciphertexts, two accumulators, one CMUX scratch. */
export function keyswitchBootstrapPairScratchBytes(lweDimension: i32, glweDimension: i32, polynomialSize: i32): usize {
  return 2 * smallBytes(lweDimension) + 2 * accumulatorBytes(lweDimension, glweDimension, polynomialSize) + blindRotateScratchBytes(glweDimension, polynomialSize);
}

/**
 * keyswitchLweCiphertext on two inputs at once: each key row is loaded once and applied with
 * both inputs' digits (zero digits skipped per input). outA / outB as keyswitchLweCiphertext's.
 */
export function keyswitchLweCiphertextPair(
  outA: usize,
  inputA: usize,
  outB: usize,
  inputB: usize,
  ksk: usize,
  inputLweDimension: i32,
  outputLweDimension: i32,
  baseLog: i32,
  level: i32,
): void {
  const rowBytes = <usize>keyswitchKeyRowWords(outputLweDimension) << 2;
  memory.fill(outA, 0, rowBytes);
  memory.fill(outB, 0, rowBytes);
  const bodyAt = <usize>outputLweDimension << 2;
  const inputBodyAt = <usize>inputLweDimension << 3;
  store<u32>(outA + bodyAt, <u32>((load<u64>(inputA + inputBodyAt) + 0x80000000) >> 32));
  store<u32>(outB + bodyAt, <u32>((load<u64>(inputB + inputBodyAt) + 0x80000000) >> 32));
  for (let i = 0; i < inputLweDimension; i++) {
    let stateA = decompositionInitState(load<u64>(inputA + (<usize>i << 3)), baseLog, level);
    let stateB = decompositionInitState(load<u64>(inputB + (<usize>i << 3)), baseLog, level);
    let row = ksk + <usize>i * <usize>level * rowBytes;
    for (let j = level; j >= 1; j--) {
      const dA = keyswitchDigit(stateA, baseLog);
      stateA = keyswitchCarry(stateA, baseLog);
      const dB = keyswitchDigit(stateB, baseLog);
      stateB = keyswitchCarry(stateB, baseLog);
      if (dA != 0 && dB != 0) {
        const da = i32x4.splat(dA);
        const db = i32x4.splat(dB);
        for (let p: usize = 0; p < rowBytes; p += 16) {
          const r = v128.load(row + p);
          v128.store(outA + p, i32x4.sub(v128.load(outA + p), i32x4.mul(r, da)));
          v128.store(outB + p, i32x4.sub(v128.load(outB + p), i32x4.mul(r, db)));
        }
      } else if (dA != 0) {
        keyswitchSubtractRow(outA, row, rowBytes, dA);
      } else if (dB != 0) {
        keyswitchSubtractRow(outB, row, rowBytes, dB);
      }
      row += rowBytes;
    }
  }
  keyswitchWiden(outA, outputLweDimension);
  keyswitchWiden(outB, outputLweDimension);
}

/**
 * Blind rotation of two accumulators through one bootstrap key: CMUX i of A then CMUX i of B,
 * so GGSW_i is still cached for B. The CMUX scratch is shared (each CMUX consumes its own).
 */
export function blindRotatePair(
  accA: usize,
  switchedMaskA: usize,
  accB: usize,
  switchedMaskB: usize,
  bsk: usize,
  lweDimension: i32,
  glweDimension: i32,
  polynomialSize: i32,
  baseLog: i32,
  level: i32,
  twiddles: usize,
  scratch: usize,
): void {
  const stride = ggswFourierBytes(glweDimension, polynomialSize, level);
  for (let i = 0; i < lweDimension; i++) {
    const ggsw = bsk + <usize>i * stride;
    const at = <usize>i << 2;
    cmuxRotate(accA, ggsw, load<i32>(switchedMaskA + at), glweDimension, polynomialSize, baseLog, level, twiddles, scratch);
    cmuxRotate(accB, ggsw, load<i32>(switchedMaskB + at), glweDimension, polynomialSize, baseLog, level, twiddles, scratch);
  }
}

/** keyswitchThenBootstrap on two ciphertexts (each with its own test polynomial), sharing every key read. */
export function keyswitchThenBootstrapPair(
  outA: usize,
  inputA: usize,
  lutA: usize,
  outB: usize,
  inputB: usize,
  lutB: usize,
  ksk: usize,
  bsk: usize,
  lweDimension: i32,
  glweDimension: i32,
  polynomialSize: i32,
  ksBaseLog: i32,
  ksLevel: i32,
  pbsBaseLog: i32,
  pbsLevel: i32,
  twiddles: usize,
  scratch: usize,
): void {
  const small = smallBytes(lweDimension);
  const accBytes = (<usize>(glweDimension + 1) * <usize>polynomialSize) << 3;
  const perAccumulator = accumulatorBytes(lweDimension, glweDimension, polynomialSize);
  const smallA = scratch;
  const smallB = smallA + small;
  const accA = smallB + small;
  const accB = accA + perAccumulator;
  const rotationScratch = accB + perAccumulator;
  keyswitchLweCiphertextPair(smallA, inputA, smallB, inputB, ksk, glweDimension * polynomialSize, lweDimension, ksBaseLog, ksLevel);
  prepareAccumulator(accA, accA + accBytes, smallA, lutA, lweDimension, glweDimension, polynomialSize);
  prepareAccumulator(accB, accB + accBytes, smallB, lutB, lweDimension, glweDimension, polynomialSize);
  blindRotatePair(accA, accA + accBytes, accB, accB + accBytes, bsk, lweDimension, glweDimension, polynomialSize, pbsBaseLog, pbsLevel, twiddles, rotationScratch);
  glweSampleExtract(outA, accA, glweDimension, polynomialSize);
  glweSampleExtract(outB, accB, glweDimension, polynomialSize);
}
