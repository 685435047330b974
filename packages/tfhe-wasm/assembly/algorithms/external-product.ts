import { fftBackwardAddTorus, fourierMulAddColumns, fourierMulAddLevelTwoColumns, fourierMulColumns } from '../fft/negacyclic-fft';
import { fftForwardInPlace } from '../fft/complex-fft';
import { ggswFourierPolynomialStride } from '../entities/sizes';
import { decompositionInitStates, decompositionNextDigitsTwisted } from './decomposition';
import { cmuxNextDigitsTwisted, rotationDifferenceDigitsTwisted } from './cmux-digits';

/** Scratch bytes of externalProductAdd: states (k+1)N u64, then externalProductAddStates's. */
export function externalProductScratchBytes(glweDimension: i32, polynomialSize: i32): usize {
  return (<usize>(glweDimension + 1) * <usize>polynomialSize << 3) + externalProductStatesScratchBytes(glweDimension, polynomialSize);
}

/** Scratch bytes of externalProductAddStates: digit transform N f64, accumulators (k+1)N f64. */
export function externalProductStatesScratchBytes(glweDimension: i32, polynomialSize: i32): usize {
  return (<usize>(glweDimension + 2) * <usize>polynomialSize) << 3;
}

/**
 * Scratch bytes of externalProductAddRotation after the states: externalProductAddStates's, or
 * for k + 1 = 2 both digit transforms of a level and the two accumulators (4N f64).
 */
export function cmuxProductScratchBytes(glweDimension: i32, polynomialSize: i32): usize {
  const levelAtOnce = glweDimension == 1 ? <usize>polynomialSize << 5 : 0;
  const rowByRow = externalProductStatesScratchBytes(glweDimension, polynomialSize);
  return levelAtOnce > rowByRow ? levelAtOnce : rowByRow;
}

/**
 * out += GGSW(m) [x] GLWE(M): the external product, which encrypts m * M.
 *
 * Each of the k+1 polynomials C_r of the GLWE is decomposed, C_r ~ sum_j D_(r,j) * q/B^j with
 * small signed digits; then
 *   out_c += sum_(j, r) D_(r,j) * GGSW[j][r][c]   for every output column c,
 * computed in the Fourier domain: one forward FFT per digit polynomial, (k+1) pointwise
 * multiply-accumulates per digit polynomial, one inverse FFT per output column.
 * `ggsw` is in the Fourier layout of entities/sizes.ts. out and glwe must not overlap.
 */
export function externalProductAdd(
  out: usize,
  ggsw: usize,
  glwe: usize,
  glweDimension: i32,
  polynomialSize: i32,
  baseLog: i32,
  level: i32,
  twiddles: usize,
  scratch: usize,
): void {
  const statesBytes = <usize>(glweDimension + 1) * <usize>polynomialSize << 3;
  decompositionInitStates(scratch, glwe, (glweDimension + 1) * polynomialSize, baseLog, level);
  externalProductAddStates(out, ggsw, scratch, glweDimension, polynomialSize, baseLog, level, twiddles, scratch + statesBytes);
}

/**
 * externalProductAdd from the decomposition states of the GLWE (decompositionInitStates, or
 * rotationDifferenceToStates in a CMUX); the states are consumed.
 */
export function externalProductAddStates(
  out: usize,
  ggsw: usize,
  states: usize,
  glweDimension: i32,
  polynomialSize: i32,
  baseLog: i32,
  level: i32,
  twiddles: usize,
  scratch: usize,
): void {
  const nb = <usize>polynomialSize << 3;
  const k1 = glweDimension + 1;
  const digitsFourier = scratch;
  const accumulators = digitsFourier + nb;
  const stride = ggswFourierPolynomialStride(polynomialSize);
  const rowBytes = <usize>k1 * stride;
  const levelBytes = <usize>k1 * rowBytes;
  for (let j = level; j >= 1; j--) {
    const levelRows = ggsw + <usize>(j - 1) * levelBytes;
    for (let r = 0; r < k1; r++) {
      decompositionNextDigitsTwisted(digitsFourier, states + <usize>r * nb, polynomialSize, baseLog, twiddles);
      digitProductAccumulate(accumulators, digitsFourier, levelRows + <usize>r * rowBytes, stride, polynomialSize, k1, j == level && r == 0, twiddles);
    }
  }
  for (let c = 0; c < k1; c++) {
    fftBackwardAddTorus(out + <usize>c * nb, accumulators + <usize>c * nb, polynomialSize, twiddles);
  }
}

/**
 * The external product of a CMUX: acc += GGSW [x] (X^power * acc - acc), as
 * rotationDifferenceToStates then externalProductAddStates, with the rotation difference, its
 * rounding and its first digit fused into one pass (cmux-digits.ts). `scratch` holds
 * (k+1)N u64 states then cmuxProductScratchBytes.
 */
export function externalProductAddRotation(
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
  const nb = <usize>polynomialSize << 3;
  const k1 = glweDimension + 1;
  const states = scratch;
  const digitsFourier = states + <usize>k1 * nb;
  const stride = ggswFourierPolynomialStride(polynomialSize);
  const rowBytes = <usize>k1 * stride;
  const levelBytes = <usize>k1 * rowBytes;
  if (k1 == 2) {
    // Both digit transforms of a level first, then one sweep over the level's key polynomials.
    const secondDigits = digitsFourier + nb;
    const levelAccumulators = secondDigits + nb;
    for (let j = level; j >= 1; j--) {
      if (j == level) {
        rotationDifferenceDigitsTwisted(digitsFourier, states, acc, polynomialSize, power, baseLog, level, twiddles);
        rotationDifferenceDigitsTwisted(secondDigits, states + nb, acc + nb, polynomialSize, power, baseLog, level, twiddles);
      } else {
        cmuxNextDigitsTwisted(digitsFourier, states, polynomialSize, baseLog, level, twiddles);
        cmuxNextDigitsTwisted(secondDigits, states + nb, polynomialSize, baseLog, level, twiddles);
      }
      fftForwardInPlace(digitsFourier, polynomialSize >> 1, twiddles);
      fftForwardInPlace(secondDigits, polynomialSize >> 1, twiddles);
      fourierMulAddLevelTwoColumns(levelAccumulators, digitsFourier, secondDigits, ggsw + <usize>(j - 1) * levelBytes, stride, polynomialSize, j == level);
    }
    fftBackwardAddTorus(acc, levelAccumulators, polynomialSize, twiddles);
    fftBackwardAddTorus(acc + nb, levelAccumulators + nb, polynomialSize, twiddles);
    return;
  }
  const accumulators = digitsFourier + nb;
  for (let j = level; j >= 1; j--) {
    const levelRows = ggsw + <usize>(j - 1) * levelBytes;
    for (let r = 0; r < k1; r++) {
      const rowStates = states + <usize>r * nb;
      if (j == level) {
        rotationDifferenceDigitsTwisted(digitsFourier, rowStates, acc + <usize>r * nb, polynomialSize, power, baseLog, level, twiddles);
      } else {
        cmuxNextDigitsTwisted(digitsFourier, rowStates, polynomialSize, baseLog, level, twiddles);
      }
      digitProductAccumulate(accumulators, digitsFourier, levelRows + <usize>r * rowBytes, stride, polynomialSize, k1, j == level && r == 0, twiddles);
    }
  }
  for (let c = 0; c < k1; c++) {
    fftBackwardAddTorus(acc + <usize>c * nb, accumulators + <usize>c * nb, polynomialSize, twiddles);
  }
}

/** Finishes the forward FFT of twisted digits and adds their products with one GGSW row (or stores them, for the first row). */
// @ts-ignore: decorator
@inline
function digitProductAccumulate(accumulators: usize, digitsFourier: usize, row: usize, stride: usize, polynomialSize: i32, k1: i32, first: bool, twiddles: usize): void {
  fftForwardInPlace(digitsFourier, polynomialSize >> 1, twiddles);
  if (first) fourierMulColumns(accumulators, digitsFourier, row, stride, polynomialSize, k1);
  else fourierMulAddColumns(accumulators, digitsFourier, row, stride, polynomialSize, k1);
}
