import { keyswitchKeyRowWords } from '../entities/sizes';
import { keyswitchLweCiphertext } from './keyswitch';
import { modulusSwitchCentered } from './modulus-switch';
import { multiBitBlindRotate, multiBitBlindRotateScratchBytes } from './multi-bit-blind-rotation';
import { polynomialMulByMonomial } from './polynomial';
import { glweSampleExtract } from './sample-extract';

/** Scratch bytes of multiBitProgrammableBootstrap: accumulator, switched mask, blind rotation. */
export function multiBitProgrammableBootstrapScratchBytes(lweDimension: i32, groupingFactor: i32, glweDimension: i32, polynomialSize: i32, level: i32): usize {
  const accBytes = <usize>(glweDimension + 1) * <usize>polynomialSize << 3;
  const maskBytes = ((<usize>lweDimension << 2) + 63) & ~63;
  return accBytes + maskBytes + multiBitBlindRotateScratchBytes(groupingFactor, glweDimension, polynomialSize, level);
}

/**
 * Programmable bootstrap with a multi-bit key: the classic one (programmable-bootstrap.ts) with
 * multiBitBlindRotate in place of the CMUX loop: centered modulus switch to 2N, accumulator
 * X^(-b~) * LUT, blind rotation by one external product per group of g key bits, sample
 * extraction of coefficient 0.
 */
export function multiBitProgrammableBootstrap(
  out: usize,
  input: usize,
  lut: usize,
  bsk: usize,
  lweDimension: i32,
  groupingFactor: i32,
  glweDimension: i32,
  polynomialSize: i32,
  baseLog: i32,
  level: i32,
  twiddles: usize,
  slotExponents: usize,
  roots: usize,
  scratch: usize,
): void {
  const nb = <usize>polynomialSize << 3;
  const acc = scratch;
  const switchedMask = acc + <usize>(glweDimension + 1) * nb;
  const rotationScratch = switchedMask + (((<usize>lweDimension << 2) + 63) & ~63);
  const body = modulusSwitchCentered(switchedMask, input, lweDimension, polynomialSize);
  memory.fill(acc, 0, <usize>glweDimension * nb);
  polynomialMulByMonomial(acc + <usize>glweDimension * nb, lut, polynomialSize, body == 0 ? 0 : 2 * polynomialSize - body);
  multiBitBlindRotate(acc, switchedMask, bsk, lweDimension, groupingFactor, glweDimension, polynomialSize, baseLog, level, twiddles, slotExponents, roots, rotationScratch);
  glweSampleExtract(out, acc, glweDimension, polynomialSize);
}

/** Scratch bytes of multiBitKeyswitchThenBootstrap: the small ciphertext, then the bootstrap's. */
export function multiBitKeyswitchBootstrapScratchBytes(lweDimension: i32, groupingFactor: i32, glweDimension: i32, polynomialSize: i32, level: i32): usize {
  const smallBytes = ((<usize>keyswitchKeyRowWords(lweDimension) << 3) + 63) & ~63;
  return smallBytes + multiBitProgrammableBootstrapScratchBytes(lweDimension, groupingFactor, glweDimension, polynomialSize, level);
}

/** A table lookup with a multi-bit key: keyswitch to the small key, then multi-bit bootstrap. */
export function multiBitKeyswitchThenBootstrap(
  out: usize,
  input: usize,
  lut: usize,
  ksk: usize,
  bsk: usize,
  lweDimension: i32,
  groupingFactor: i32,
  glweDimension: i32,
  polynomialSize: i32,
  ksBaseLog: i32,
  ksLevel: i32,
  pbsBaseLog: i32,
  pbsLevel: i32,
  twiddles: usize,
  slotExponents: usize,
  roots: usize,
  scratch: usize,
): void {
  const small = scratch;
  const pbsScratch = scratch + (((<usize>keyswitchKeyRowWords(lweDimension) << 3) + 63) & ~63);
  keyswitchLweCiphertext(small, input, ksk, glweDimension * polynomialSize, lweDimension, ksBaseLog, ksLevel);
  multiBitProgrammableBootstrap(out, small, lut, bsk, lweDimension, groupingFactor, glweDimension, polynomialSize, pbsBaseLog, pbsLevel, twiddles, slotExponents, roots, pbsScratch);
}
