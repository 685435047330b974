import { ggswFourierBytes } from '../entities/sizes';
import { cmuxProductScratchBytes, externalProductAddRotation } from './external-product';

/** Scratch bytes of cmuxRotate / blindRotate. */
export function blindRotateScratchBytes(glweDimension: i32, polynomialSize: i32): usize {
  return (<usize>(glweDimension + 1) * <usize>polynomialSize << 3) + cmuxProductScratchBytes(glweDimension, polynomialSize);
}

/**
 * acc <- CMUX(GGSW(s), acc, X^power * acc) = acc + GGSW(s) [x] (X^power * acc - acc):
 * multiplies the accumulator by X^(power * s) for an encrypted bit s.
 */
export function cmuxRotate(
  acc: usize,
  ggsw: usize,
  power: i32,
  glweDimension: i32,
  polynomialSize: i32,
  baseLog: i32,
  level: i32,
  twiddles: usize,
  scratch: usize,
): void {
  if (power == 0) return;
  externalProductAddRotation(acc, ggsw, power, glweDimension, polynomialSize, baseLog, level, twiddles, scratch);
}

/**
 * Blind rotation: given a_i~ in [0, 2N) (u32, the modulus-switched mask) and the bootstrap
 * key GGSW(s_i), turns acc = X^(-b~) * LUT into X^(-b~ + sum_i a~_i s_i) * LUT = X^(-phase~) * LUT
 * by one CMUX per key bit.
 */
export function blindRotate(
  acc: usize,
  switchedMask: usize,
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
    const power = load<i32>(switchedMask + (<usize>i << 2));
    cmuxRotate(acc, bsk + <usize>i * stride, power, glweDimension, polynomialSize, baseLog, level, twiddles, scratch);
  }
}

