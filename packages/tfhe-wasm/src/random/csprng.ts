import type { CsprngKernels } from './csprng-kernels.js';
import { CsprngError } from './csprng-error.js';
import { randomSeed, SEED_BYTES } from './random-seed.js';

const U64_MAX = (1n << 64n) - 1n;

/**
 * A ChaCha20 generator living in WASM memory (see assembly/random/csprng.ts): the keystream
 * of (key = 32-byte seed, stream) read as u64 words, plus uniform, binary and Gaussian fills.
 *
 * The caller provides `statePtr`, a 16-byte aligned region of `stateBytes(kernels)` bytes
 * that it owns; this object never allocates. Constructors are named after their use:
 * `fromSystemEntropy` for secrets and noise, `maskGeneratorFromPublicSeed` for masks that are
 * reproduced from a seed sent in the clear (seeded/compressed keys and ciphertexts), and
 * `seededForTestsOnly` for reproducible tests.
 */
export class Csprng {
  private constructor(
    private readonly kernels: CsprngKernels,
    readonly statePtr: number,
  ) {}

  /** Bytes of state one generator needs. */
  static stateBytes(kernels: CsprngKernels): number {
    return kernels.CSPRNG_STATE_BYTES.value as number;
  }

  /** A generator keyed from the platform's CSPRNG: use for secret keys and noise. */
  static fromSystemEntropy(kernels: CsprngKernels, statePtr: number, stream = 0n): Csprng {
    const seed = randomSeed();
    try {
      return Csprng.keyed(kernels, statePtr, seed, stream);
    } finally {
      seed.fill(0);
    }
  }

  /**
   * A generator for public masks: anyone holding `seed` regenerates the same masks, so a
   * ciphertext or key can travel as (seed, bodies). Never use it for secrets or noise.
   */
  static maskGeneratorFromPublicSeed(kernels: CsprngKernels, statePtr: number, seed: Uint8Array, stream = 0n): Csprng {
    return Csprng.keyed(kernels, statePtr, seed, stream);
  }

  /** A reproducible generator for tests. Never use it for keys or encryption. */
  static seededForTestsOnly(kernels: CsprngKernels, statePtr: number, seed: Uint8Array, stream = 0n): Csprng {
    return Csprng.keyed(kernels, statePtr, seed, stream);
  }

  private static keyed(kernels: CsprngKernels, statePtr: number, seed: Uint8Array, stream: bigint): Csprng {
    if (seed.length !== SEED_BYTES) {
      throw new CsprngError(`a CSPRNG seed has ${SEED_BYTES} bytes, got ${seed.length}`);
    }
    if (stream < 0n || stream > U64_MAX) {
      throw new CsprngError(`the stream number must be a u64, got ${stream}`);
    }
    checkRegion(kernels, statePtr, Csprng.stateBytes(kernels), 16, 'generator state');
    // The seed is staged in the first 32 bytes of the state, where csprngInit keeps the key.
    new Uint8Array(kernels.memory.buffer, statePtr, SEED_BYTES).set(seed);
    kernels.csprngInit(statePtr, statePtr, stream);
    return new Csprng(kernels, statePtr);
  }

  /**
   * Zeroes the generator's state (key and buffered keystream) in WASM memory. Call it before
   * the owner releases the region; the generator must not be used afterwards.
   */
  wipe(): void {
    new Uint8Array(this.kernels.memory.buffer, this.statePtr, Csprng.stateBytes(this.kernels)).fill(0);
  }

  /** The next 64 keystream bits, as an unsigned bigint. */
  nextU64(): bigint {
    // WASM hands an i64 to JavaScript as a signed bigint.
    return BigInt.asUintN(64, this.kernels.csprngNextU64(this.statePtr));
  }

  /** Fills `count` u64 at `dst` with uniform torus elements. */
  fillU64(dst: number, count: number): void {
    checkU64Array(this.kernels, dst, count);
    this.kernels.csprngFillU64(this.statePtr, dst, count);
  }

  /** Fills `count` u64 at `dst` with uniform bits (each word 0 or 1): binary secret keys. */
  fillBinaryU64(dst: number, count: number): void {
    checkU64Array(this.kernels, dst, count);
    this.kernels.csprngFillBinaryU64(this.statePtr, dst, count);
  }

  /** round(N(0, (stdDevTorus * 2^64)^2)) as a signed 64-bit integer. */
  gaussianI64(stdDevTorus: number): bigint {
    checkStdDev(stdDevTorus);
    return this.kernels.csprngGaussianI64(this.statePtr, stdDevTorus);
  }

  /** Adds Gaussian noise of std dev stdDevTorus * 2^64 to `count` u64 at `dst`, mod 2^64. */
  addGaussianU64(dst: number, count: number, stdDevTorus: number): void {
    checkU64Array(this.kernels, dst, count);
    checkStdDev(stdDevTorus);
    this.kernels.csprngAddGaussianU64(this.statePtr, dst, count, stdDevTorus);
  }

  /**
   * Adds TUniform(boundLog2) noise (integers in [-2^b, 2^b], end points at half weight,
   * variance (2^(2b+1) + 1)/6) to `count` u64 at `dst`, mod 2^64. b ranges over 0..61.
   */
  addTUniformU64(dst: number, count: number, boundLog2: number): void {
    checkU64Array(this.kernels, dst, count);
    if (!Number.isInteger(boundLog2) || boundLog2 < 0 || boundLog2 > 61) {
      throw new CsprngError(`the TUniform bound log2 must be an integer from 0 to 61, got ${boundLog2}`);
    }
    this.kernels.csprngAddTUniformU64(this.statePtr, dst, count, boundLog2);
  }
}

function checkRegion(kernels: CsprngKernels, ptr: number, bytes: number, align: number, what: string): void {
  if (!Number.isInteger(ptr) || ptr <= 0 || ptr % align !== 0) {
    throw new CsprngError(`${what}: pointer ${ptr} is not a positive multiple of ${align}`);
  }
  if (ptr + bytes > kernels.memory.buffer.byteLength) {
    throw new CsprngError(`${what}: [${ptr}, ${ptr + bytes}) lies outside WASM memory`);
  }
}

function checkU64Array(kernels: CsprngKernels, dst: number, count: number): void {
  if (!Number.isInteger(count) || count < 0 || count > 0x7fffffff) {
    throw new CsprngError(`count must be a non-negative 32-bit integer, got ${count}`);
  }
  checkRegion(kernels, dst, count * 8, 8, 'destination');
}

function checkStdDev(stdDevTorus: number): void {
  if (!Number.isFinite(stdDevTorus) || stdDevTorus < 0) {
    throw new CsprngError(`the noise std dev must be a finite non-negative number, got ${stdDevTorus}`);
  }
}
