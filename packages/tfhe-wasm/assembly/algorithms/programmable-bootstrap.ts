import { polynomialMulByMonomial } from './polynomial';
import { blindRotate, blindRotateScratchBytes } from './blind-rotation';
import { modulusSwitchCentered } from './modulus-switch';
import { glweSampleExtract } from './sample-extract';
import { keyswitchLweCiphertext } from './keyswitch';
import { keyswitchKeyRowWords } from '../entities/sizes';

/** Scratch bytes of programmableBootstrap: accumulator GLWE, switched mask, blind rotation. */
export function programmableBootstrapScratchBytes(lweDimension: i32, glweDimension: i32, polynomialSize: i32): usize {
  const accBytes = <usize>(glweDimension + 1) * <usize>polynomialSize << 3;
  const maskBytes = ((<usize>lweDimension << 2) + 63) & ~63;
  return accBytes + maskBytes + blindRotateScratchBytes(glweDimension, polynomialSize);
}

/**
 * Programmable bootstrap of a small-key LWE ciphertext (dimension n) into a big-key one
 * (dimension kN) that encrypts LUT[phase] with fresh noise:
 *   1. modulus switch (a, b) to (a~, b~) in Z_2N (centered);
 *   2. acc = trivial GLWE (0, X^(-b~) * LUT);
 *   3. blind rotation: acc = X^(-b~ + sum a~_i s_i) * LUT;
 *   4. sample extraction of coefficient 0.
 */
export function programmableBootstrap(
  out: usize,
  input: usize,
  lut: usize,
  bsk: usize,
  lweDimension: i32,
  glweDimension: i32,
  polynomialSize: i32,
  baseLog: i32,
  level: i32,
  twiddles: usize,
  scratch: usize,
): void {
  const nb = <usize>polynomialSize << 3;
  const acc = scratch;
  const switchedMask = acc + <usize>(glweDimension + 1) * nb;
  const rotationScratch = switchedMask + (((<usize>lweDimension << 2) + 63) & ~63);
  prepareAccumulator(acc, switchedMask, input, lut, lweDimension, glweDimension, polynomialSize);
  blindRotate(acc, switchedMask, bsk, lweDimension, glweDimension, polynomialSize, baseLog, level, twiddles, rotationScratch);
  glweSampleExtract(out, acc, glweDimension, polynomialSize);
}

/** Steps 1-2 of programmableBootstrap: the modulus switch of `input` and the trivial accumulator X^(-b~) * LUT. */
export function prepareAccumulator(acc: usize, switchedMask: usize, input: usize, lut: usize, lweDimension: i32, glweDimension: i32, polynomialSize: i32): void {
  const body = modulusSwitchCentered(switchedMask, input, lweDimension, polynomialSize);
  prepareAccumulatorRows(acc, lut, body, glweDimension, polynomialSize, 0, 1);
}

/**
 * Rows first, first + step, .. of the trivial accumulator (0, .., 0, X^(-b~) * LUT) for the
 * switched body b~ (the split lookup's threads each write their own rows).
 */
export function prepareAccumulatorRows(acc: usize, lut: usize, body: i32, glweDimension: i32, polynomialSize: i32, first: i32, step: i32): void {
  const nb = <usize>polynomialSize << 3;
  for (let r = first; r <= glweDimension; r += step) {
    if (r < glweDimension) memory.fill(acc + <usize>r * nb, 0, nb);
    else polynomialMulByMonomial(acc + <usize>r * nb, lut, polynomialSize, body == 0 ? 0 : 2 * polynomialSize - body);
  }
}

/** Scratch bytes of keyswitchThenBootstrap: the small ciphertext, then programmableBootstrap's. */
export function keyswitchBootstrapScratchBytes(lweDimension: i32, glweDimension: i32, polynomialSize: i32): usize {
  const smallBytes = ((<usize>keyswitchKeyRowWords(lweDimension) << 3) + 63) & ~63; // >= n + 1 u64 words
  return smallBytes + programmableBootstrapScratchBytes(lweDimension, glweDimension, polynomialSize);
}

/**
 * A table lookup on a big-key ciphertext: keyswitch to the small key (dimension n), then
 * programmable bootstrap back under the big key (dimension kN).
 */
export function keyswitchThenBootstrap(
  out: usize,
  input: usize,
  lut: usize,
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
  const small = scratch;
  const pbsScratch = scratch + (((<usize>keyswitchKeyRowWords(lweDimension) << 3) + 63) & ~63);
  keyswitchLweCiphertext(small, input, ksk, glweDimension * polynomialSize, lweDimension, ksBaseLog, ksLevel);
  programmableBootstrap(out, small, lut, bsk, lweDimension, glweDimension, polynomialSize, pbsBaseLog, pbsLevel, twiddles, pbsScratch);
}
