/**
 * The CSPRNG kernels of the WASM core (assembly/random/), as JavaScript sees them: pointers
 * are byte offsets into `memory`, u64 values are bigints.
 */
export interface CsprngKernels {
  readonly memory: WebAssembly.Memory;
  /** Bytes of generator state the caller allocates (16-byte aligned). */
  readonly CSPRNG_STATE_BYTES: WebAssembly.Global;
  chacha20Keystream(key: number, nonce: number, counter: number, dst: number, nBytes: number): void;
  csprngInit(state: number, seed: number, stream: bigint): void;
  /** The u64 arrives as a signed bigint (WASM i64); BigInt.asUintN(64, x) recovers it. */
  csprngNextU64(state: number): bigint;
  csprngFillU64(state: number, dst: number, count: number): void;
  csprngFillBinaryU64(state: number, dst: number, count: number): void;
  csprngGaussianI64(state: number, stdDevTorus: number): bigint;
  csprngAddGaussianU64(state: number, dst: number, count: number, stdDevTorus: number): void;
  csprngAddTUniformU64(state: number, dst: number, count: number, boundLog2: number): void;
}
