import {
  decodeFrame,
  DeserializationError,
  deserializeCompressedCiphertexts,
  encodeFrame,
  encryptCompressed,
  FrameKind,
  type ClientKey,
  type LweCiphertext,
  type ParameterSet,
} from '@cml/tfhe-wasm';
import { CorruptedDataError } from '../errors.js';

/** Bytes of the public mask seed. */
export const SEED_BYTES = 32;

/**
 * Ciphertexts under the big key whose masks come from one public seed: ciphertext i draws
 * a_i from stream i of `seed`, so (seed, b_0 .. b_(count-1)) is all that needs to travel —
 * 8 bytes per ciphertext instead of 8·(kN + 1).
 */
export interface SeededCiphertexts {
  readonly seed: Uint8Array;
  /** b_i = <a_i, S> + e_i + v_i·Δ mod 2^64, Δ = 2^(63-P). */
  readonly bodies: BigUint64Array;
  /** P, the precision every ciphertext is tagged with. */
  readonly precision: number;
  /** Name of the parameter set the masks are drawn for. */
  readonly parameters: string;
}

/**
 * Encrypts integers with phase v·Δ mod 2^64 (any integer: a negative value or one wider than
 * the set's tables keeps its bits modulo 2^(P+1)). The seed is fresh from the platform's CSPRNG
 * (tfhe-wasm's randomSeed) for every call and never reused. Encryption of v is an encryption of
 * zero plus the public plaintext v·Δ on the body: b_i = (<a_i, S> + e_i) + v_i·Δ.
 */
export function encryptSeeded(
  key: ClientKey,
  values: readonly number[],
  precision: number,
): SeededCiphertexts {
  const zeros = encryptCompressed(key, new Array<number>(values.length).fill(0), key.params.precision);
  const frame = decodeFrame(zeros, FrameKind.CompressedLweCiphertext, key.params);
  const [seed, , noisyZeros] = frame.sections;
  if (seed?.type !== 'seed' || noisyZeros?.type !== 'u64')
    throw new CorruptedDataError('tfhe-wasm returned a compressed frame of unexpected layout');
  const shift = BigInt(63 - precision);
  const bodies = noisyZeros.data.map((zero, i) =>
    BigInt.asUintN(64, zero + (BigInt(values[i] as number) << shift)),
  );
  return { seed: seed.data, bodies, precision, parameters: key.params.name };
}

/** Regenerates the masks: full ciphertexts in WASM memory, in order (the caller disposes them). */
export function expandSeeded(seeded: SeededCiphertexts, parameters: ParameterSet): LweCiphertext[] {
  const count = seeded.bodies.length;
  const descriptors = new Uint8Array(2 * count).map((_, j) => (j % 2 === 0 ? 0 : seeded.precision));
  try {
    const frame = encodeFrame(FrameKind.CompressedLweCiphertext, parameters, [
      { type: 'seed', data: seeded.seed },
      { type: 'bytes', data: descriptors },
      { type: 'u64', data: seeded.bodies },
    ]);
    return deserializeCompressedCiphertexts(frame, parameters);
  } catch (error) {
    if (error instanceof DeserializationError) throw new CorruptedDataError(`seeded ciphertexts: ${error.message}`);
    throw error;
  }
}
