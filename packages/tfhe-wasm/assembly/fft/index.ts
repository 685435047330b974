export { fftTwiddlesBytes, fftInitTwiddles } from './twiddles';
export { fftForwardInPlace, fftBackwardInPlace } from './complex-fft';
export { fourierPolynomialBytes, fftForwardI64, fftBackwardAddU64, fourierMulAdd, fourierMulAddColumns, fourierZero } from './negacyclic-fft';
