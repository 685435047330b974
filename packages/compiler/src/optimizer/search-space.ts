import { InvalidConstraintsError } from './errors.js';

/**
 * The box the optimizer searches. Defaults follow what the WASM core runs (N a power of two
 * in [2^8, 2^16], base_log * level <= 63) and what fits in WASM32 memory (4 GiB in all: the
 * Fourier bootstrap key gets at most 2 GiB, leaving room for the keyswitch key and scratch).
 */
export interface SearchSpace {
  /** k values tried. */
  readonly glweDimensions: readonly number[];
  /** log2 N values tried. */
  readonly log2PolynomialSizes: readonly number[];
  /** Small-key dimensions n tried: every integer in [min, max] the security curve covers. */
  readonly lweDimensions: { readonly min: number; readonly max: number };
  /** Bootstrap decomposition levels tried: 1..maxPbsLevel (bases are optimal for each level). */
  readonly maxPbsLevel: number;
  /** Keyswitch decomposition levels tried: 1..maxKsLevel. */
  readonly maxKsLevel: number;
  /** Largest product base_log * level of a bootstrap decomposition (the core needs <= 63). */
  readonly maxDecompositionBits: number;
  /**
   * Largest base_log * level of a keyswitch decomposition: @cml/tfhe-wasm stores the keyswitch
   * key on a 32-bit torus, so its digits cannot reach below 2^-32.
   */
  readonly maxKeyswitchDecompositionBits: number;
  /** Largest bootstrap key in the Fourier domain, in bytes: n * l * (k+1)^2 * N * 8. */
  readonly maxBootstrapKeyBytes: number;
}

export const DEFAULT_SEARCH_SPACE: SearchSpace = Object.freeze({
  glweDimensions: Object.freeze([1, 2, 3, 4, 5, 6, 7, 8]),
  log2PolynomialSizes: Object.freeze([8, 9, 10, 11, 12, 13, 14, 15, 16]),
  lweDimensions: Object.freeze({ min: 450, max: 2048 }),
  maxPbsLevel: 12,
  maxKsLevel: 24,
  maxDecompositionBits: 63,
  maxKeyswitchDecompositionBits: 32,
  maxBootstrapKeyBytes: 2 ** 31,
});

/** Bytes of the bootstrap key in the Fourier domain, as @cml/tfhe-wasm stores it. */
export function bootstrapKeyBytes(n: number, k: number, N: number, pbsLevel: number): number {
  return n * pbsLevel * (k + 1) * (k + 1) * N * 8;
}

/**
 * Bytes of the keyswitch key as @cml/tfhe-wasm holds it: kN * l rows of n+1 u32 words (32-bit
 * torus), each padded to a multiple of 4 words.
 */
export function keyswitchKeyBytes(n: number, k: number, N: number, ksLevel: number): number {
  return k * N * ksLevel * ((n + 4) & ~3) * 4;
}

const isIntegerIn = (x: number, lo: number, hi: number): boolean => Number.isInteger(x) && x >= lo && x <= hi;

/** Rejects a search space the core could not run (or that would search nothing). */
export function validateSearchSpace(space: SearchSpace): void {
  const fail = (what: string): never => {
    throw new InvalidConstraintsError(`search space: ${what}`);
  };
  if (space.glweDimensions.length === 0 || !space.glweDimensions.every((k) => isIntegerIn(k, 1, 16))) {
    fail(`glweDimensions must be integers from 1 to 16, got [${space.glweDimensions.join(', ')}]`);
  }
  if (space.log2PolynomialSizes.length === 0 || !space.log2PolynomialSizes.every((l) => isIntegerIn(l, 8, 16))) {
    fail(`log2PolynomialSizes must be integers from 8 to 16, got [${space.log2PolynomialSizes.join(', ')}]`);
  }
  const { min, max } = space.lweDimensions;
  if (!isIntegerIn(min, 1, 8192) || !isIntegerIn(max, min, 8192)) fail(`lweDimensions must satisfy 1 <= min <= max <= 8192, got ${min}..${max}`);
  if (!isIntegerIn(space.maxDecompositionBits, 1, 63)) fail(`maxDecompositionBits must be 1..63, got ${space.maxDecompositionBits}`);
  if (!isIntegerIn(space.maxPbsLevel, 1, space.maxDecompositionBits)) fail(`maxPbsLevel must be 1..${space.maxDecompositionBits}, got ${space.maxPbsLevel}`);
  const ksBits = space.maxKeyswitchDecompositionBits;
  if (!isIntegerIn(ksBits, 1, 63)) fail(`maxKeyswitchDecompositionBits must be 1..63, got ${ksBits}`);
  if (!isIntegerIn(space.maxKsLevel, 1, ksBits)) fail(`maxKsLevel must be 1..${ksBits}, got ${space.maxKsLevel}`);
  if (!(space.maxBootstrapKeyBytes > 0)) fail(`maxBootstrapKeyBytes must be positive, got ${space.maxBootstrapKeyBytes}`);
}
