export { fftTwiddlesBytes, fftInitTwiddles } from './twiddles';
export { fftForwardInPlace, fftBackwardInPlace } from './complex-fft';
export { fourierPolynomialBytes, fftForwardI64, fftBackwardAddU64, fftBackwardAddTorus, fourierMulAdd, fourierMulAddColumns, fourierMulAddLevelTwoColumns, fourierMulColumns, fourierZero } from './negacyclic-fft';
