/**
 * Seeded (compressed) encryption of a batch of values under the big key, for the client's
 * upload of encrypted arguments: ciphertext i draws its mask a_i from stream i of a fresh public
 * seed, so only (seed, b_0 .. b_(count-1)) travel — 8 bytes per ciphertext instead of
 * 8*(kN + 1) (16 KiB at 4 bits). Noise still comes from the key's secret generator.
 *
 * CompressedLweCiphertext frame (kind 6):
 *   0  seed  [32]          public mask seed
 *   1  bytes [2 * count]   descriptors as in LweCiphertextBatch (key code 0 only: big key)
 *   2  u64   [count]       bodies b_i = <a_i, S> + encode(m_i) + e_i
 * Reading expands each ciphertext to its full (a_i, b_i) words in WASM memory.
 */
import type { ClientKey } from '../client-key.js';
import { checkPrecision, encode, MAX_PRECISION } from '../encoding.js';
import { ValueOutOfRangeError } from '../errors.js';
import { LweCiphertext } from '../lwe-ciphertext.js';
import type { ParameterSet } from '../params/parameter-set.js';
import { Csprng } from '../random/csprng.js';
import { randomSeed } from '../random/random-seed.js';
import { tfheRuntime } from '../wasm-module.js';
import { decodeFrame, encodeFrame, FrameKind, SEED_SECTION_BYTES } from '../wire/frame.js';
import { DeserializationError } from '../wire/wire-errors.js';
import { expectSectionCount, frameParameters, sectionData } from './frame-reading.js';

/**
 * Encrypts `values` (p-bit integers, signed or unsigned) under `key` straight into one
 * compressed frame. Requires initTfhe().
 */
export function encryptCompressed(key: ClientKey, values: readonly (number | bigint)[], precision = key.params.precision): Uint8Array {
  checkPrecision(precision);
  if (precision > key.params.precision) {
    throw new ValueOutOfRangeError(`precision ${precision} exceeds the ${key.params.precision} bits of parameter set ${key.params.name}`);
  }
  const plaintexts = values.map((value) => encode(value, precision));
  const tfhe = tfheRuntime();
  const seed = randomSeed();
  const dimension = key.params.glweDimension * key.params.polynomialSize;
  const bodies = new BigUint64Array(values.length);
  const ct = new LweCiphertext(tfhe, key.params, 'big', precision);
  const maskState = tfhe.allocator.alloc(Csprng.stateBytes(tfhe));
  try {
    plaintexts.forEach((plaintext, i) => {
      const masks = Csprng.maskGeneratorFromPublicSeed(tfhe, maskState, seed, BigInt(i));
      tfhe.lweEncrypt(ct.ptr, key.glweKey, dimension, plaintext, key.params.glweNoiseStdDev, key.secretRng.statePtr, masks.statePtr);
      bodies[i] = new BigUint64Array(tfhe.memory.buffer, ct.ptr, dimension + 1)[dimension]!;
    });
  } finally {
    tfhe.allocator.release(maskState);
    ct.dispose();
  }
  return encodeFrame(FrameKind.CompressedLweCiphertext, key.params, [
    { type: 'seed', data: seed },
    { type: 'bytes', data: new Uint8Array(2 * values.length).map((_, j) => (j % 2 === 0 ? 0 : precision)) },
    { type: 'u64', data: bodies },
  ]);
}

/** Expands a compressed frame to full ciphertexts in WASM memory, in order. Requires initTfhe(). */
export function deserializeCompressedCiphertexts(bytes: Uint8Array, expectedParams?: ParameterSet): LweCiphertext[] {
  const frame = decodeFrame(bytes, FrameKind.CompressedLweCiphertext, expectedParams);
  const params = frameParameters(frame, expectedParams);
  expectSectionCount(frame, 3);
  const seed = sectionData(frame, 0, 'seed', SEED_SECTION_BYTES, 'mask seed');
  const descriptors = frame.sections[1];
  if (descriptors?.type !== 'bytes' || descriptors.data.length % 2 !== 0) {
    throw new DeserializationError('malformed', 'section 1 (descriptors) must be bytes, 2 per ciphertext');
  }
  const count = descriptors.data.length / 2;
  const precisions = Array.from({ length: count }, (_, i) => {
    const [keyCode, precision] = [descriptors.data[2 * i]!, descriptors.data[2 * i + 1]!];
    if (keyCode !== 0) throw new DeserializationError('malformed', `ciphertext ${i}: key code ${keyCode} (compressed ciphertexts are big-key: 0)`);
    if (precision < 1 || precision > MAX_PRECISION) {
      throw new DeserializationError('malformed', `ciphertext ${i}: precision ${precision} is not in 1..${MAX_PRECISION}`);
    }
    return precision;
  });
  const bodies = sectionData(frame, 2, 'u64', count, 'bodies');

  const tfhe = tfheRuntime();
  const dimension = params.glweDimension * params.polynomialSize;
  const cts: LweCiphertext[] = [];
  const maskState = tfhe.allocator.alloc(Csprng.stateBytes(tfhe));
  try {
    precisions.forEach((precision, i) => {
      const ct = new LweCiphertext(tfhe, params, 'big', precision);
      cts.push(ct);
      Csprng.maskGeneratorFromPublicSeed(tfhe, maskState, seed, BigInt(i)).fillU64(ct.ptr, dimension);
      new BigUint64Array(tfhe.memory.buffer, ct.ptr, dimension + 1)[dimension] = bodies[i]!;
    });
  } catch (error) {
    for (const ct of cts) ct.dispose();
    throw error;
  } finally {
    tfhe.allocator.release(maskState);
  }
  return cts;
}
