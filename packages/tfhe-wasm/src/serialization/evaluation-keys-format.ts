/**
 * Wire format of the server's keys in seeded/compressed form (CompressedEvaluationKeys, kind 3):
 * the masks are not sent, only the public seed they are drawn from and the bodies.
 *
 *   0  seed  [32]               mask seed (stream 0: bootstrap key, stream 1: keyswitch key)
 *   1  u64   [n * l * (k+1) * N] bootstrap key bodies, standard domain, order key bit, level, row
 *   2  bytes [4 * kN * l_ks]     keyswitch key bodies, u32 little endian, order input, level l..1
 *
 * Keys generated with `{ lookups: false }` have no bootstrap or keyswitch key: their frame holds
 * section 0 alone (the seed names the key set). The section count tells the two apart; any
 * count other than 1 or 3 is rejected, and frames written before lookup-free keys existed
 * (always 3 sections) read as before.
 *
 * Loading regenerates the masks in the order they were drawn at generation, transforms the
 * bootstrap key to the Fourier domain and yields keys bit-identical to the generated ones.
 * The full keys hold (k+1) polynomials per GGSW row and n+1 words per keyswitch row; this
 * holds one of each, so it is about 1/(k+1) of the bootstrap key and 1/(n+1) of the
 * keyswitch key: compressedEvaluationKeysBytes gives the exact size.
 */
import { BOOTSTRAP_KEY_MASK_STREAM, EvaluationKeys, KEYSWITCH_KEY_MASK_STREAM, type EvaluationKeyOptions } from '../evaluation-keys.js';
import type { ParameterSet } from '../params/parameter-set.js';
import { Csprng } from '../random/csprng.js';
import { tfheRuntime } from '../wasm-module.js';
import { decodeFrame, encodeFrame, FrameKind, SEED_SECTION_BYTES, type Section } from '../wire/frame.js';
import { expectSectionCount, frameParameters, sectionData } from './frame-reading.js';
import { bootstrapKeyBodyWords, expandSeededBootstrapKey } from './seeded-bootstrap-key.js';
import { expandSeededKeyswitchKey, keyswitchKeyBodies, keyswitchKeyRows } from './seeded-keyswitch-key.js';

/** Sections of keys with lookups, and of lookup-free keys (the seed alone). */
const FULL_SECTIONS = 3;
const LOOKUP_FREE_SECTIONS = 1;

function sectionsOf(keys: EvaluationKeys): Section[] {
  if (!keys.lookups) return [{ type: 'seed', data: keys.maskSeed.slice() }];
  const ksk = keyswitchKeyBodies(tfheRuntime(), keys.keyswitchKey, keys.params);
  return [
    { type: 'seed', data: keys.maskSeed.slice() },
    { type: 'u64', data: keys.bootstrapKeyBodies },
    { type: 'bytes', data: new Uint8Array(ksk.buffer, ksk.byteOffset, ksk.byteLength) },
  ];
}

/** The compressed keys as bytes, to send to a server. */
export function serializeEvaluationKeys(keys: EvaluationKeys): Uint8Array {
  return encodeFrame(FrameKind.CompressedEvaluationKeys, keys.params, sectionsOf(keys));
}

/**
 * Bytes of the compressed frame of keys for `params` (with `{ lookups: false }`: of
 * lookup-free keys), without generating them.
 */
export function compressedEvaluationKeysBytes(params: ParameterSet, options: EvaluationKeyOptions = {}): number {
  const header = encodeFrame(FrameKind.CompressedEvaluationKeys, params, []).length;
  const sectionEntry = 16;
  if (options.lookups === false) return header + LOOKUP_FREE_SECTIONS * sectionEntry + SEED_SECTION_BYTES;
  const padTo8 = (n: number): number => Math.ceil(n / 8) * 8;
  return header + FULL_SECTIONS * sectionEntry + SEED_SECTION_BYTES + 8 * bootstrapKeyBodyWords(params) + padTo8(4 * keyswitchKeyRows(params));
}

/**
 * Reads compressed evaluation keys, with or without lookups (requires initTfhe()). With
 * `expectedParams`, keys for another parameter set are rejected ('parameter-mismatch'); a
 * client-key frame is rejected as 'wrong-kind'.
 */
export function deserializeEvaluationKeys(bytes: Uint8Array, expectedParams?: ParameterSet): EvaluationKeys {
  const frame = decodeFrame(bytes, FrameKind.CompressedEvaluationKeys, expectedParams);
  const params = frameParameters(frame, expectedParams);
  const count = frame.sections.length;
  if (count !== LOOKUP_FREE_SECTIONS) expectSectionCount(frame, FULL_SECTIONS, `${LOOKUP_FREE_SECTIONS}: keys without lookups`);
  const seed = sectionData(frame, 0, 'seed', SEED_SECTION_BYTES, 'mask seed');
  if (count === LOOKUP_FREE_SECTIONS) return EvaluationKeys.allocate(tfheRuntime(), params, seed, false);
  const bskBodies = sectionData(frame, 1, 'u64', bootstrapKeyBodyWords(params), 'bootstrap key bodies');
  const kskBytes = sectionData(frame, 2, 'bytes', 4 * keyswitchKeyRows(params), 'keyswitch key bodies');
  const kskBodies = new Uint32Array(kskBytes.buffer, kskBytes.byteOffset, kskBytes.length / 4);

  const tfhe = tfheRuntime();
  const keys = EvaluationKeys.allocate(tfhe, params, seed, true);
  const maskState = tfhe.allocator.alloc(Csprng.stateBytes(tfhe));
  try {
    const bskMasks = Csprng.maskGeneratorFromPublicSeed(tfhe, maskState, seed, BOOTSTRAP_KEY_MASK_STREAM);
    expandSeededBootstrapKey(tfhe, keys.bootstrapKey, params, bskBodies, bskMasks.statePtr, keys.twiddles);
    const kskMasks = Csprng.maskGeneratorFromPublicSeed(tfhe, maskState, seed, KEYSWITCH_KEY_MASK_STREAM);
    expandSeededKeyswitchKey(tfhe, keys.keyswitchKey, params, kskBodies, kskMasks.statePtr);
    keys.bootstrapKeyBodies = bskBodies;
  } catch (error) {
    keys.dispose();
    throw error;
  } finally {
    tfhe.allocator.release(maskState);
  }
  return keys;
}
