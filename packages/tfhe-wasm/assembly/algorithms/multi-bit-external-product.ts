import { fftForwardInPlace } from '../fft/complex-fft';
import { fftBackwardAddTorus, fourierMulAddLevelTwoColumns } from '../fft/negacyclic-fft';
import { ggswFourierPolynomialStride } from '../entities/sizes';
import { decompositionInitStates, decompositionNextDigitsTwisted } from './decomposition';

/** Scratch bytes of multiBitExternalProductAddK1: states 2N u64, two digit transforms, two accumulators (N f64 each). */
export function multiBitExternalProductK1ScratchBytes(polynomialSize: i32): usize {
  return <usize>polynomialSize * 48;
}

/**
 * ACC += G [x] ACC for k = 1, G a Fourier GGSW (here the group's combined GGSW): the CMUX's
 * level-at-once schedule (external-product.ts, k + 1 = 2) without the rotation: ACC is
 * decomposed into states first (so the product can add into ACC itself), then per level both
 * digit polynomials are transformed and one sweep over the level's four G polynomials
 * accumulates both output columns; two inverse transforms at the end.
 */
export function multiBitExternalProductAddK1(
  acc: usize,
  ggsw: usize,
  polynomialSize: i32,
  baseLog: i32,
  level: i32,
  twiddles: usize,
  scratch: usize,
): void {
  const nb = <usize>polynomialSize << 3;
  const states = scratch;
  const digits0 = states + 2 * nb;
  const digits1 = digits0 + nb;
  const accumulators = digits1 + nb;
  const stride = ggswFourierPolynomialStride(polynomialSize);
  const levelBytes = stride << 2;
  decompositionInitStates(states, acc, 2 * polynomialSize, baseLog, level);
  for (let j = level; j >= 1; j--) {
    decompositionNextDigitsTwisted(digits0, states, polynomialSize, baseLog, twiddles);
    decompositionNextDigitsTwisted(digits1, states + nb, polynomialSize, baseLog, twiddles);
    fftForwardInPlace(digits0, polynomialSize >> 1, twiddles);
    fftForwardInPlace(digits1, polynomialSize >> 1, twiddles);
    fourierMulAddLevelTwoColumns(accumulators, digits0, digits1, ggsw + <usize>(j - 1) * levelBytes, stride, polynomialSize, j == level);
  }
  fftBackwardAddTorus(acc, accumulators, polynomialSize, twiddles);
  fftBackwardAddTorus(acc + nb, accumulators + nb, polynomialSize, twiddles);
}
