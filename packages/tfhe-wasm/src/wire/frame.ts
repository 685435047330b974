/**
 * Versioned binary frames for keys and ciphertexts. All integers little endian.
 *
 *     offset  bytes  field
 *     0       4      magic "CMLT"
 *     4       2      format version (1)
 *     6       2      object kind (FrameKind)
 *     8       8      total frame length in bytes (u64), trailer included
 *     16      4      parameter record length P (multiple of 8)
 *     20      4      section count S (at most MAX_SECTIONS)
 *     24      32     parameter fingerprint: SHA-256 of the set's numbers (parameter-record.ts)
 *     56      P      parameter record (numbers and name of the set, so a frame describes itself)
 *     56+P    16*S   section table: type (u32), reserved (u32, zero), element count (u64)
 *     ...            section payloads in table order, each zero-padded to a multiple of 8 bytes
 *     end-8   8      CRC-64/XZ of every byte before it
 *
 * Every field is checked on decode: lengths before anything else (so truncation and
 * extension are named as such and a huge declared length never allocates), then the CRC
 * over the whole frame (any corrupted byte is caught), then the structure, the kind and the
 * parameters. Decoded sections are copies: they never alias the input.
 */
import type { ParameterSet } from '../params/parameter-set.js';
import { crc64 } from './crc64.js';
import {
  decodeParameterRecord,
  encodeParameterRecord,
  FINGERPRINT_BYTES,
  parameterFingerprint,
  parameterSetProblem,
} from './parameter-record.js';
import { DeserializationError, SerializationError } from './wire-errors.js';

export const FORMAT_VERSION = 1;
export const MAX_SECTIONS = 1024;
const MAGIC = [0x43, 0x4d, 0x4c, 0x54]; // "CMLT"
const HEADER_BYTES = 56;
const SECTION_ENTRY_BYTES = 16;
const TRAILER_BYTES = 8;

/** What a frame holds. Values are part of the format: never renumber. */
export const FrameKind = Object.freeze({
  ClientKey: 1,
  EvaluationKeys: 2,
  CompressedEvaluationKeys: 3,
  LweCiphertext: 4,
  LweCiphertextBatch: 5,
  CompressedLweCiphertext: 6,
} as const);
export type FrameKind = (typeof FrameKind)[keyof typeof FrameKind];

const KIND_NAMES = new Map<number, string>(Object.entries(FrameKind).map(([name, value]) => [value, name]));

/** Section payload types. Values are part of the format. */
const SECTION_TYPE = { u64: 1, f64: 2, seed: 3, bytes: 4 } as const;
export type SectionType = keyof typeof SECTION_TYPE;
const TYPE_BY_CODE = new Map<number, SectionType>(
  (Object.entries(SECTION_TYPE) as [SectionType, number][]).map(([name, code]) => [code, name]),
);
/** A seed section holds exactly one 32-byte CSPRNG seed. */
export const SEED_SECTION_BYTES = 32;

export type Section =
  | { readonly type: 'u64'; readonly data: BigUint64Array }
  | { readonly type: 'f64'; readonly data: Float64Array }
  | { readonly type: 'seed'; readonly data: Uint8Array }
  | { readonly type: 'bytes'; readonly data: Uint8Array };

/** What decodeFrame may additionally require of the sections (type, and length if given). */
export interface ExpectedSection {
  readonly type: SectionType;
  readonly length?: number;
}

export interface DecodedFrame {
  readonly kind: FrameKind;
  readonly version: number;
  /** The parameter set recorded in the frame (its numbers match the fingerprint). */
  readonly params: ParameterSet;
  readonly fingerprint: Uint8Array;
  readonly sections: readonly Section[];
}

const elementBytes = (type: SectionType): number => (type === 'u64' || type === 'f64' ? 8 : 1);
const padTo8 = (n: number): number => Math.ceil(n / 8) * 8;
const kindName = (kind: number): string => KIND_NAMES.get(kind) ?? `unknown kind ${kind}`;

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  throw new Error('@cml/tfhe-wasm wire formats need a little-endian platform');
}

/** Frames `sections` as an object of `kind` under `params`. */
export function encodeFrame(kind: FrameKind, params: ParameterSet, sections: readonly Section[]): Uint8Array {
  if (!KIND_NAMES.has(kind)) throw new SerializationError(`unknown frame kind ${String(kind)}`);
  const problem = parameterSetProblem(params);
  if (problem !== undefined) throw new SerializationError(problem);
  if (sections.length > MAX_SECTIONS) throw new SerializationError(`at most ${MAX_SECTIONS} sections, got ${sections.length}`);
  sections.forEach((section, i) => {
    const expected = { u64: BigUint64Array, f64: Float64Array, seed: Uint8Array, bytes: Uint8Array }[section.type];
    if (expected === undefined || !(section.data instanceof expected)) {
      throw new SerializationError(`section ${i}: type ${String(section.type)} does not match its data`);
    }
    if (section.type === 'seed' && section.data.length !== SEED_SECTION_BYTES) {
      throw new SerializationError(`section ${i}: a seed has ${SEED_SECTION_BYTES} bytes, got ${section.data.length}`);
    }
  });
  const record = encodeParameterRecord(params);
  const tableOffset = HEADER_BYTES + record.length;
  let total = tableOffset + SECTION_ENTRY_BYTES * sections.length;
  const payloadOffsets = sections.map((section) => {
    const offset = total;
    total += padTo8(section.data.byteLength);
    return offset;
  });
  total += TRAILER_BYTES;

  const frame = new Uint8Array(total);
  const view = new DataView(frame.buffer);
  frame.set(MAGIC, 0);
  view.setUint16(4, FORMAT_VERSION, true);
  view.setUint16(6, kind, true);
  view.setBigUint64(8, BigInt(total), true);
  view.setUint32(16, record.length, true);
  view.setUint32(20, sections.length, true);
  frame.set(parameterFingerprint(params), 24);
  frame.set(record, HEADER_BYTES);
  sections.forEach((section, i) => {
    const entry = tableOffset + SECTION_ENTRY_BYTES * i;
    view.setUint32(entry, SECTION_TYPE[section.type], true);
    view.setBigUint64(entry + 8, BigInt(section.data.length), true);
    frame.set(new Uint8Array(section.data.buffer, section.data.byteOffset, section.data.byteLength), payloadOffsets[i]);
  });
  view.setBigUint64(total - TRAILER_BYTES, crc64(frame.subarray(0, total - TRAILER_BYTES)), true);
  return frame;
}

/**
 * The kind of object a frame holds, from its first 8 bytes (magic, version and kind checked),
 * so a generic deserializer can pick the decoder. Nothing else is validated: pass the result
 * to decodeFrame, which checks everything.
 */
export function peekFrameKind(bytes: Uint8Array): FrameKind {
  if (!(bytes instanceof Uint8Array)) throw new DeserializationError('malformed', 'input is not a Uint8Array');
  if (bytes.length < 8) throw new DeserializationError('truncated', `${bytes.length} bytes cannot hold a frame header`);
  if (MAGIC.some((byte, i) => bytes[i] !== byte)) throw new DeserializationError('bad-magic', 'the data does not start with "CMLT"');
  const view = new DataView(bytes.buffer, bytes.byteOffset, 8);
  const version = view.getUint16(4, true);
  if (version !== FORMAT_VERSION) {
    throw new DeserializationError('unknown-version', `format version ${version} (this library reads ${FORMAT_VERSION})`);
  }
  const kind = view.getUint16(6, true);
  if (!KIND_NAMES.has(kind)) throw new DeserializationError('unknown-kind', `object kind ${kind} is not defined`);
  return kind as FrameKind;
}

/**
 * Reads a frame, checking that it is intact, of `expectedKind`, for `expectedParams` (same
 * fingerprint) when given, and shaped as `expectedSections` when given. Throws
 * DeserializationError (with a `reason`) for anything else; never returns partial data.
 */
export function decodeFrame(
  bytes: Uint8Array,
  expectedKind: FrameKind,
  expectedParams?: ParameterSet,
  expectedSections?: readonly ExpectedSection[],
): DecodedFrame {
  const kind = peekFrameKind(bytes);
  const fail = (reason: ConstructorParameters<typeof DeserializationError>[0], message: string): never => {
    throw new DeserializationError(reason, message);
  };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (kind !== expectedKind) fail('wrong-kind', `expected ${kindName(expectedKind)}, got ${kindName(kind)}`);
  if (bytes.length < HEADER_BYTES + TRAILER_BYTES) fail('truncated', `${bytes.length} bytes cannot hold a frame header`);
  const declared = view.getBigUint64(8, true);
  if (declared > BigInt(bytes.length)) fail('truncated', `the frame declares ${declared} bytes, only ${bytes.length} present`);
  if (declared < BigInt(bytes.length)) fail('oversized', `${bytes.length} bytes for a frame that declares ${declared}`);
  const total = bytes.length;
  const storedCrc = view.getBigUint64(total - TRAILER_BYTES, true);
  if (crc64(bytes.subarray(0, total - TRAILER_BYTES)) !== storedCrc) {
    fail('checksum-mismatch', 'the CRC-64 of the frame does not match: the data is corrupted');
  }

  // Past the CRC, what follows guards against frames crafted with a valid checksum.
  const recordLength = view.getUint32(16, true);
  const sectionCount = view.getUint32(20, true);
  if (recordLength % 8 !== 0 || HEADER_BYTES + recordLength > total - TRAILER_BYTES) {
    fail('length-mismatch', `parameter record length ${recordLength} does not fit the frame`);
  }
  if (sectionCount > MAX_SECTIONS) fail('malformed', `${sectionCount} sections (at most ${MAX_SECTIONS})`);
  const record = decodeParameterRecord(bytes.subarray(HEADER_BYTES, HEADER_BYTES + recordLength));
  if ('problem' in record) return fail('malformed', record.problem);
  const fingerprint = bytes.slice(24, 24 + FINGERPRINT_BYTES);
  if (!sameBytes(fingerprint, record.fingerprint)) fail('malformed', 'the parameter fingerprint does not match the recorded set');
  if (expectedParams !== undefined && !sameBytes(fingerprint, parameterFingerprint(expectedParams))) {
    fail('parameter-mismatch', `the frame is for parameter set "${record.params.name}", not "${expectedParams.name}"`);
  }

  const tableOffset = HEADER_BYTES + recordLength;
  let offset = tableOffset + SECTION_ENTRY_BYTES * sectionCount;
  if (offset > total - TRAILER_BYTES) fail('length-mismatch', `the section table of ${sectionCount} entries does not fit the frame`);
  const sections: Section[] = [];
  for (let i = 0; i < sectionCount; i++) {
    const entry = tableOffset + SECTION_ENTRY_BYTES * i;
    const type = TYPE_BY_CODE.get(view.getUint32(entry, true));
    if (type === undefined) return fail('malformed', `section ${i} has unknown type ${view.getUint32(entry, true)}`);
    if (view.getUint32(entry + 4, true) !== 0) fail('malformed', `section ${i} has a non-zero reserved field`);
    const count = view.getBigUint64(entry + 8, true);
    const byteLength = count * BigInt(elementBytes(type));
    if (byteLength > BigInt(total - TRAILER_BYTES - offset)) {
      fail('length-mismatch', `section ${i} declares ${count} elements, more than the frame holds`);
    }
    const length = Number(byteLength);
    if (type === 'seed' && length !== SEED_SECTION_BYTES) fail('malformed', `section ${i}: a seed of ${length} bytes`);
    for (let p = offset + length; p < offset + padTo8(length); p++) {
      if (bytes[p] !== 0) fail('malformed', `section ${i} has non-zero padding`);
    }
    sections.push(copySection(type, bytes.subarray(offset, offset + length)));
    offset += padTo8(length);
  }
  if (offset !== total - TRAILER_BYTES) {
    fail('length-mismatch', `${total - TRAILER_BYTES - offset} bytes after the last section`);
  }
  if (expectedSections !== undefined) checkShape(sections, expectedSections);
  return { kind, version: FORMAT_VERSION, params: record.params, fingerprint, sections };
}

function copySection(type: SectionType, payload: Uint8Array): Section {
  const copy = payload.slice(); // fresh, 8-byte aligned buffer
  switch (type) {
    case 'u64':
      return { type, data: new BigUint64Array(copy.buffer, 0, copy.length / 8) };
    case 'f64':
      return { type, data: new Float64Array(copy.buffer, 0, copy.length / 8) };
    default:
      return { type, data: copy };
  }
}

function checkShape(sections: readonly Section[], expected: readonly ExpectedSection[]): void {
  if (sections.length !== expected.length) {
    throw new DeserializationError('length-mismatch', `expected ${expected.length} sections, got ${sections.length}`);
  }
  expected.forEach((want, i) => {
    const got = sections[i]!;
    if (got.type !== want.type) {
      throw new DeserializationError('malformed', `section ${i}: expected ${want.type}, got ${got.type}`);
    }
    if (want.length !== undefined && got.data.length !== want.length) {
      throw new DeserializationError('length-mismatch', `section ${i}: expected ${want.length} elements, got ${got.data.length}`);
    }
  });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
