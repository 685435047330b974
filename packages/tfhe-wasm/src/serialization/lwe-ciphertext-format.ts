/**
 * Wire formats of LWE ciphertexts (frames of wire/frame.ts).
 *
 * LweCiphertext (kind 4), two sections:
 *   0  bytes [2]        descriptor: key (0 = big key, dimension kN; 1 = small key, n), precision p
 *   1  u64   [d + 1]    the words (a_0 .. a_(d-1), b), d = the key's dimension
 * LweCiphertextBatch (kind 5), for the many ciphertexts of a program's arguments or results,
 * all under one parameter set:
 *   0  bytes [2 * count]   one descriptor per ciphertext, in order
 *   1  u64   [sum(d + 1)]  their words, concatenated in the same order
 *
 * On reading, the key code must be 0 or 1, the precision an integer in 1..MAX_PRECISION and
 * the word counts exactly what the parameter set and descriptors imply; the ciphertexts are
 * only allocated once all of that holds.
 */
import { MAX_PRECISION } from '../encoding.js';
import { LweCiphertext, type LweKeyKind } from '../lwe-ciphertext.js';
import type { ParameterSet } from '../params/parameter-set.js';
import { sameParameters } from '../parameters-check.js';
import { tfheRuntime } from '../wasm-module.js';
import { decodeFrame, encodeFrame, FrameKind } from '../wire/frame.js';
import { DeserializationError, SerializationError } from '../wire/wire-errors.js';
import { expectSectionCount, frameParameters, sectionData } from './frame-reading.js';

const DESCRIPTOR_BYTES = 2;
const KEY_CODES: Record<LweKeyKind, number> = { big: 0, small: 1 };
const KEY_KINDS: readonly LweKeyKind[] = ['big', 'small'];

interface Descriptor {
  readonly keyKind: LweKeyKind;
  readonly precision: number;
}

const dimensionOf = (params: ParameterSet, keyKind: LweKeyKind): number =>
  keyKind === 'big' ? params.glweDimension * params.polynomialSize : params.lweDimension;

/** Bytes of one LweCiphertext frame. */
export function serializeCiphertext(ct: LweCiphertext): Uint8Array {
  return encodeFrame(FrameKind.LweCiphertext, ct.params, [
    { type: 'bytes', data: Uint8Array.of(KEY_CODES[ct.keyKind], ct.precision) },
    { type: 'u64', data: ct.toWords() },
  ]);
}

/**
 * Reads one ciphertext into WASM memory (requires initTfhe()). With `expectedParams`, a
 * ciphertext of another parameter set is rejected ('parameter-mismatch').
 */
export function deserializeCiphertext(bytes: Uint8Array, expectedParams?: ParameterSet): LweCiphertext {
  const frame = decodeFrame(bytes, FrameKind.LweCiphertext, expectedParams);
  const params = frameParameters(frame, expectedParams);
  expectSectionCount(frame, 2);
  const [descriptor] = readDescriptors(sectionData(frame, 0, 'bytes', DESCRIPTOR_BYTES, 'descriptor'), 1);
  const words = sectionData(frame, 1, 'u64', dimensionOf(params, descriptor!.keyKind) + 1, 'ciphertext words');
  return loadCiphertext(params, descriptor!, words);
}

/**
 * Bytes of one LweCiphertextBatch frame holding `cts` in order. All must share one parameter
 * set; `params` names it when `cts` may be empty.
 */
export function serializeCiphertexts(cts: readonly LweCiphertext[], params: ParameterSet | undefined = cts[0]?.params): Uint8Array {
  if (params === undefined) throw new SerializationError('an empty ciphertext batch needs its parameter set');
  const descriptors = new Uint8Array(DESCRIPTOR_BYTES * cts.length);
  const words = new BigUint64Array(cts.reduce((sum, ct) => sum + ct.words, 0));
  let offset = 0;
  cts.forEach((ct, i) => {
    if (!sameParameters(ct.params, params)) {
      throw new SerializationError(`ciphertext ${i} is for parameter set ${ct.params.name}, the batch for ${params.name}`);
    }
    descriptors.set([KEY_CODES[ct.keyKind], ct.precision], DESCRIPTOR_BYTES * i);
    words.set(ct.toWords(), offset);
    offset += ct.words;
  });
  return encodeFrame(FrameKind.LweCiphertextBatch, params, [
    { type: 'bytes', data: descriptors },
    { type: 'u64', data: words },
  ]);
}

/** Reads a batch into WASM memory, in order (requires initTfhe()). */
export function deserializeCiphertexts(bytes: Uint8Array, expectedParams?: ParameterSet): LweCiphertext[] {
  const frame = decodeFrame(bytes, FrameKind.LweCiphertextBatch, expectedParams);
  const params = frameParameters(frame, expectedParams);
  expectSectionCount(frame, 2);
  const descriptorBytes = frame.sections[0];
  if (descriptorBytes?.type !== 'bytes' || descriptorBytes.data.length % DESCRIPTOR_BYTES !== 0) {
    throw new DeserializationError('malformed', `section 0 (descriptors) must be bytes, ${DESCRIPTOR_BYTES} per ciphertext`);
  }
  const count = descriptorBytes.data.length / DESCRIPTOR_BYTES;
  const descriptors = readDescriptors(descriptorBytes.data, count);
  const totalWords = descriptors.reduce((sum, d) => sum + dimensionOf(params, d.keyKind) + 1, 0);
  const words = sectionData(frame, 1, 'u64', totalWords, 'ciphertext words');
  const cts: LweCiphertext[] = [];
  let offset = 0;
  try {
    for (const descriptor of descriptors) {
      const length = dimensionOf(params, descriptor.keyKind) + 1;
      cts.push(loadCiphertext(params, descriptor, words.subarray(offset, offset + length)));
      offset += length;
    }
  } catch (error) {
    for (const ct of cts) ct.dispose();
    throw error;
  }
  return cts;
}

function readDescriptors(bytes: Uint8Array, count: number): Descriptor[] {
  return Array.from({ length: count }, (_, i) => {
    const keyCode = bytes[DESCRIPTOR_BYTES * i]!;
    const precision = bytes[DESCRIPTOR_BYTES * i + 1]!;
    const keyKind = KEY_KINDS[keyCode];
    if (keyKind === undefined) throw new DeserializationError('malformed', `ciphertext ${i}: key code ${keyCode} (0 = big, 1 = small)`);
    if (precision < 1 || precision > MAX_PRECISION) {
      throw new DeserializationError('malformed', `ciphertext ${i}: precision ${precision} is not in 1..${MAX_PRECISION}`);
    }
    return { keyKind, precision };
  });
}

function loadCiphertext(params: ParameterSet, { keyKind, precision }: Descriptor, words: BigUint64Array): LweCiphertext {
  const tfhe = tfheRuntime();
  const ct = new LweCiphertext(tfhe, params, keyKind, precision);
  // View made after the allocation: growing the memory detaches older views.
  new BigUint64Array(tfhe.memory.buffer, ct.ptr, ct.words).set(words);
  return ct;
}
