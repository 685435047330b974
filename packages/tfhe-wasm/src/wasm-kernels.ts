/**
 * Signatures of the kernels exported by build/tfhe.wasm. Pointers are byte offsets into the
 * module's memory (number); u64/i64 values cross as bigint; i32 as number.
 */
export interface WasmKernels {
  heapBase(): number;
  torusAdd(a: bigint, b: bigint): bigint;
  torusSumSimd(ptr: number, count: number): bigint;

  // random (assembly/random)
  readonly CSPRNG_STATE_BYTES: WebAssembly.Global;
  csprngInit(state: number, seed: number, stream: bigint): void;
  csprngFillU64(state: number, dst: number, count: number): void;
  csprngFillBinaryU64(state: number, dst: number, count: number): void;
  csprngAddGaussianU64(state: number, dst: number, count: number, stdDevTorus: number): void;

  // fft
  fftTwiddlesBytes(polynomialSize: number): number;
  fftInitTwiddles(twiddles: number, polynomialSize: number): void;
  fftForwardI64(dst: number, src: number, polynomialSize: number, twiddles: number): void;
  fftBackwardAddU64(dst: number, src: number, polynomialSize: number, twiddles: number, shift: number): void;
  fourierMulAdd(acc: number, a: number, b: number, polynomialSize: number): void;
  fourierZero(dst: number, polynomialSize: number): void;
}
