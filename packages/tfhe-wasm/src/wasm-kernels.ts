import type { CsprngKernels } from './random/csprng-kernels.js';

/**
 * Signatures of the kernels exported by build/tfhe.wasm. Pointers are byte offsets into the
 * module's memory (number); u64/i64 values cross as bigint (signed); i32 as number.
 */
export interface WasmKernels extends CsprngKernels {
  heapBase(): number;
  torusAdd(a: bigint, b: bigint): bigint;
  torusSumSimd(ptr: number, count: number): bigint;

  // fft
  fftTwiddlesBytes(polynomialSize: number): number;
  fftInitTwiddles(twiddles: number, polynomialSize: number): void;
  fftForwardI64(dst: number, src: number, polynomialSize: number, twiddles: number): void;
  fftBackwardAddU64(dst: number, src: number, polynomialSize: number, twiddles: number, shift: number): void;
  fourierMulAdd(acc: number, a: number, b: number, polynomialSize: number): void;
  fourierZero(dst: number, polynomialSize: number): void;

  // entities
  ggswFourierBytes(k: number, polynomialSize: number, level: number): number;
  /** Bytes from one Fourier polynomial of a GGSW to the next (N f64 and a cache-set padding). */
  ggswFourierPolynomialStride(polynomialSize: number): number;
  bootstrapKeyFourierBytes(n: number, k: number, polynomialSize: number, level: number): number;
  /** u32 words of a keyswitch key row (the key is stored on the 32-bit torus). */
  keyswitchKeyRowWords(outputLweDimension: number): number;
  keyswitchKeyBytes(inputLweDimension: number, outputLweDimension: number, level: number): number;

  // decomposition
  decompositionInitStates(dst: number, src: number, count: number, baseLog: number, level: number): void;
  decompositionNextDigitsF64(digits: number, states: number, count: number, baseLog: number): void;

  // LWE
  lweEncrypt(ct: number, key: number, n: number, plaintext: bigint, std: number, noiseRng: number, maskRng: number): void;
  lweDecryptPhase(ct: number, key: number, n: number): bigint;
  lweAddAssign(dst: number, src: number, words: number): void;
  lweSubAssign(dst: number, src: number, words: number): void;
  lweNegAssign(dst: number, words: number): void;
  lweScalarMulAssign(dst: number, scalar: bigint, words: number): void;
  lweAddPlaintextAssign(dst: number, plaintext: bigint, n: number): void;
  lweDotProduct(out: number, cts: number, weights: number, count: number, words: number): void;
  lweMatrixVectorProduct(out: number, matrix: number, cts: number, rows: number, cols: number, words: number): void;

  // GLWE / GGSW / keys
  exactProductScratchBytes(polynomialSize: number): number;
  glweKeyToFourier(keyFourier: number, key: number, k: number, polynomialSize: number, twiddles: number): void;
  glweEncrypt(
    ct: number,
    plaintext: number,
    keyFourier: number,
    k: number,
    polynomialSize: number,
    std: number,
    noiseRng: number,
    maskRng: number,
    twiddles: number,
    scratch: number,
  ): void;
  glweDecryptPhase(dst: number, ct: number, keyFourier: number, k: number, polynomialSize: number, twiddles: number, scratch: number): void;
  ggswEncryptScratchBytes(k: number, polynomialSize: number): number;
  ggswEncryptFourier(
    ggsw: number,
    message: bigint,
    keyFourier: number,
    k: number,
    polynomialSize: number,
    baseLog: number,
    level: number,
    std: number,
    noiseRng: number,
    maskRng: number,
    twiddles: number,
    scratch: number,
  ): void;
  keyswitchKeyGenerate(
    ksk: number,
    inputKey: number,
    inputLweDimension: number,
    outputKey: number,
    outputLweDimension: number,
    baseLog: number,
    level: number,
    std: number,
    noiseRng: number,
    maskRng: number,
    scratch: number,
  ): void;
  keyswitchKeyGenerateScratchBytes(outputLweDimension: number): number;

  // bootstrap pipeline
  externalProductScratchBytes(k: number, polynomialSize: number): number;
  externalProductAdd(
    out: number,
    ggsw: number,
    glwe: number,
    k: number,
    polynomialSize: number,
    baseLog: number,
    level: number,
    twiddles: number,
    scratch: number,
  ): void;
  blindRotateScratchBytes(k: number, polynomialSize: number): number;
  cmuxRotate(
    acc: number,
    ggsw: number,
    power: number,
    k: number,
    polynomialSize: number,
    baseLog: number,
    level: number,
    twiddles: number,
    scratch: number,
  ): void;
  keyswitchLweCiphertext(out: number, input: number, ksk: number, nIn: number, nOut: number, baseLog: number, level: number): void;
  modulusSwitchCentered(switchedMask: number, ct: number, n: number, polynomialSize: number): number;
  glweSampleExtract(lwe: number, glwe: number, k: number, polynomialSize: number): void;
  lookupTableFill(lut: number, table: number, precision: number, polynomialSize: number): void;
  programmableBootstrapScratchBytes(n: number, k: number, polynomialSize: number): number;
  programmableBootstrap(
    out: number,
    input: number,
    lut: number,
    bsk: number,
    n: number,
    k: number,
    polynomialSize: number,
    baseLog: number,
    level: number,
    twiddles: number,
    scratch: number,
  ): void;
  keyswitchBootstrapScratchBytes(n: number, k: number, polynomialSize: number): number;
  keyswitchBootstrapPairScratchBytes(n: number, k: number, polynomialSize: number): number;
  keyswitchThenBootstrapPair(
    outA: number,
    inputA: number,
    lutA: number,
    outB: number,
    inputB: number,
    lutB: number,
    ksk: number,
    bsk: number,
    n: number,
    k: number,
    polynomialSize: number,
    ksBaseLog: number,
    ksLevel: number,
    pbsBaseLog: number,
    pbsLevel: number,
    twiddles: number,
    scratch: number,
  ): void;
  keyswitchBootstrapSplitScratchBytes(n: number, k: number, polynomialSize: number, pbsLevel: number): number;
  /** Part 0 or 1 of one lookup on two threads (threads build only; both parts at once, barrier word zeroed). */
  keyswitchThenBootstrapSplit(
    part: number,
    out: number,
    input: number,
    lut: number,
    ksk: number,
    bsk: number,
    n: number,
    k: number,
    polynomialSize: number,
    ksBaseLog: number,
    ksLevel: number,
    pbsBaseLog: number,
    pbsLevel: number,
    twiddles: number,
    scratch: number,
  ): void;
  keyswitchThenBootstrap(
    out: number,
    input: number,
    lut: number,
    ksk: number,
    bsk: number,
    n: number,
    k: number,
    polynomialSize: number,
    ksBaseLog: number,
    ksLevel: number,
    pbsBaseLog: number,
    pbsLevel: number,
    twiddles: number,
    scratch: number,
  ): void;
}
