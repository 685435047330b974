import { describe, expect, it } from '@jest/globals';
import { sha256 } from '@noble/hashes/sha2.js';
import type { ParameterSet } from '../params/parameter-set.js';
import { parameterSets } from '../params/presets.js';
import { crc64 as crc64Of } from './crc64.js';
import { decodeFrame, encodeFrame, FrameKind, peekFrameKind, type Section } from './frame.js';
import { parameterFingerprint } from './parameter-record.js';
import { DeserializationError, SerializationError, type DeserializationFailure } from './wire-errors.js';

const params4 = parameterSets[3]!;
const params6 = parameterSets[5]!;

const sampleSections = (): Section[] => [
  { type: 'seed', data: Uint8Array.from({ length: 32 }, (_, i) => i * 7) },
  { type: 'u64', data: BigUint64Array.from([0n, 1n, (1n << 64n) - 1n, 0x0123456789abcdefn]) },
  { type: 'f64', data: Float64Array.from([0, -0.5, Math.PI, 1e300, Number.MIN_VALUE]) },
  { type: 'bytes', data: Uint8Array.from([1, 2, 3]) },
  { type: 'u64', data: new BigUint64Array(0) },
];

function rejection(call: () => unknown): DeserializationFailure {
  try {
    call();
  } catch (error) {
    if (error instanceof DeserializationError) return error.reason;
    throw error;
  }
  throw new Error('expected a DeserializationError, got a result');
}

describe('encodeFrame / decodeFrame', () => {
  it('round-trips every section type, the kind and the parameter set', () => {
    const sections = sampleSections();
    const frame = encodeFrame(FrameKind.EvaluationKeys, params4, sections);
    const decoded = decodeFrame(frame, FrameKind.EvaluationKeys, params4);
    expect(decoded.kind).toBe(FrameKind.EvaluationKeys);
    expect(decoded.version).toBe(1);
    expect(decoded.sections).toEqual(sections);
    const { recordedLog2PFail: _ignored, ...numbersAndName } = params4;
    expect(decoded.params).toEqual(numbersAndName);
    expect(decoded.fingerprint).toEqual(parameterFingerprint(params4));
  });

  it('round-trips a frame with no sections and reads its parameters without being told them', () => {
    const frame = encodeFrame(FrameKind.ClientKey, params6, []);
    const decoded = decodeFrame(frame, FrameKind.ClientKey);
    expect(decoded.sections).toEqual([]);
    expect(decoded.params.lweDimension).toBe(params6.lweDimension);
    expect(decoded.params.name).toBe(params6.name);
  });

  it('decodes from an unaligned view and returns copies that do not alias the input', () => {
    const frame = encodeFrame(FrameKind.LweCiphertext, params4, [{ type: 'u64', data: BigUint64Array.from([5n, 6n]) }]);
    const shifted = new Uint8Array(frame.length + 3);
    shifted.set(frame, 3);
    const decoded = decodeFrame(shifted.subarray(3), FrameKind.LweCiphertext, params4);
    expect(decoded.sections[0]!.data).toEqual(BigUint64Array.from([5n, 6n]));
    shifted.fill(0);
    expect(decoded.sections[0]!.data).toEqual(BigUint64Array.from([5n, 6n]));
  });

  it('starts with the magic, the version and the kind, and ends with the CRC-64 of the rest', () => {
    const frame = encodeFrame(FrameKind.LweCiphertextBatch, params4, sampleSections());
    expect(new TextDecoder().decode(frame.subarray(0, 4))).toBe('CMLT');
    const view = new DataView(frame.buffer);
    expect(view.getUint16(4, true)).toBe(1);
    expect(view.getUint16(6, true)).toBe(FrameKind.LweCiphertextBatch);
    expect(view.getBigUint64(8, true)).toBe(BigInt(frame.length));
    expect(frame.length % 8).toBe(0);
  });

  it('tells the kind of a frame from its first 8 bytes, with typed errors for non-frames', () => {
    const frame = encodeFrame(FrameKind.CompressedLweCiphertext, params4, []);
    expect(peekFrameKind(frame.subarray(0, 8))).toBe(FrameKind.CompressedLweCiphertext);
    expect(rejection(() => peekFrameKind(new Uint8Array(3)))).toBe('truncated');
    expect(rejection(() => peekFrameKind(new TextEncoder().encode('{"json": true}')))).toBe('bad-magic');
  });

  it('fingerprints the numbers of a set with SHA-256, ignoring its name', () => {
    const renamed: ParameterSet = { ...params4, name: 'another label' };
    expect(parameterFingerprint(renamed)).toEqual(parameterFingerprint(params4));
    expect(parameterFingerprint({ ...params4, ksLevel: 6 })).not.toEqual(parameterFingerprint(params4));
    expect(parameterFingerprint(params4)).toHaveLength(32);
    expect(parameterFingerprint(params4)).not.toEqual(sha256(new Uint8Array(0)));
  });

  it('names each way a frame can be wrong', () => {
    const frame = encodeFrame(FrameKind.LweCiphertext, params4, sampleSections());
    const mutate = (edit: (copy: Uint8Array, view: DataView) => void): Uint8Array => {
      const copy = frame.slice();
      edit(copy, new DataView(copy.buffer));
      return copy;
    };
    const decode = (bytes: Uint8Array, kind: FrameKind = FrameKind.LweCiphertext, params?: ParameterSet) => () =>
      decodeFrame(bytes, kind, params);
    expect(rejection(decode(frame.subarray(0, 5)))).toBe('truncated');
    expect(rejection(decode(frame.subarray(0, frame.length - 1)))).toBe('truncated');
    expect(rejection(decode(Uint8Array.from([...frame, 0])))).toBe('oversized');
    expect(rejection(decode(mutate((c) => (c[0] = 0x58))))).toBe('bad-magic');
    expect(rejection(decode(mutate((_, v) => v.setUint16(4, 2, true))))).toBe('unknown-version');
    expect(rejection(decode(mutate((_, v) => v.setUint16(6, 99, true))))).toBe('unknown-kind');
    expect(rejection(decode(frame, FrameKind.ClientKey))).toBe('wrong-kind');
    expect(rejection(decode(frame, FrameKind.LweCiphertext, params6))).toBe('parameter-mismatch');
    expect(rejection(decode(mutate((c) => (c[200]! ^= 4))))).toBe('checksum-mismatch');
    expect(rejection(decode(mutate((c) => (c[c.length - 1]! ^= 1))))).toBe('checksum-mismatch');
    expect(rejection(() => decodeFrame(frame, FrameKind.LweCiphertext, params4, [{ type: 'seed' }]))).toBe(
      'length-mismatch',
    );
    const shape = sampleSections().map((s) => ({ type: s.type, length: s.data.length }));
    shape[1] = { type: 'u64', length: 5 };
    expect(rejection(() => decodeFrame(frame, FrameKind.LweCiphertext, params4, shape))).toBe('length-mismatch');
  });

  it('rejects with a correct checksum but an inconsistent structure (crafted frames)', () => {
    const frame = encodeFrame(FrameKind.LweCiphertext, params4, sampleSections());
    const recrc = (edit: (view: DataView) => void): Uint8Array => {
      const copy = frame.slice();
      const view = new DataView(copy.buffer);
      edit(view);
      // Re-seal: a crafted frame carries a valid CRC.
      const body = copy.subarray(0, copy.length - 8);
      view.setBigUint64(copy.length - 8, crc64Of(body), true);
      return copy;
    };
    const recordLength = new DataView(frame.buffer).getUint32(16, true);
    const table = 56 + recordLength;
    const cases: Array<[string, (v: DataView) => void, DeserializationFailure]> = [
      ['a section count beyond the table', (v) => v.setUint32(20, 6, true), 'length-mismatch'],
      ['a huge section count', (v) => v.setUint32(20, 0xffffffff, true), 'malformed'],
      ['an unknown section type', (v) => v.setUint32(table, 9, true), 'malformed'],
      ['a non-zero reserved field', (v) => v.setUint32(table + 4, 1, true), 'malformed'],
      ['a section longer than the frame', (v) => v.setBigUint64(table + 16 + 8, 1n << 60n, true), 'length-mismatch'],
      ['a shorter section leaving bytes over', (v) => v.setBigUint64(table + 16 + 8, 3n, true), 'length-mismatch'],
      ['a fingerprint of other numbers', (v) => v.setUint8(30, v.getUint8(30) ^ 1), 'malformed'],
      ['a non-integer dimension', (v) => v.setFloat64(56 + 8, 834.5, true), 'malformed'],
      ['a misaligned record length', (v) => v.setUint32(16, recordLength + 4, true), 'length-mismatch'],
    ];
    for (const [what, edit, reason] of cases) {
      expect([what, rejection(() => decodeFrame(recrc(edit), FrameKind.LweCiphertext))]).toEqual([what, reason]);
    }
  });

  it('refuses to encode unknown kinds, mistyped sections, wrong seed sizes and bad parameters', () => {
    expect(() => encodeFrame(77 as FrameKind, params4, [])).toThrow(SerializationError);
    expect(() => encodeFrame(FrameKind.ClientKey, params4, [{ type: 'u64', data: new Float64Array(1) } as unknown as Section])).toThrow(
      SerializationError,
    );
    expect(() => encodeFrame(FrameKind.ClientKey, params4, [{ type: 'seed', data: new Uint8Array(31) }])).toThrow(/32 bytes/);
    expect(() => encodeFrame(FrameKind.ClientKey, { ...params4, lweDimension: Number.NaN }, [])).toThrow(SerializationError);
  });
});
