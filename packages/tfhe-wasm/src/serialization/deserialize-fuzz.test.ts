import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientKey } from '../client-key.js';
import type { EvaluationKeys } from '../evaluation-keys.js';
import type { ParameterSet } from '../params/parameter-set.js';
import { TOY_PARAMETERS_INSECURE } from '../testing/toy-parameters.js';
import { initTfhe } from '../wasm-module.js';
import { decodeFrame, encodeFrame, FrameKind, peekFrameKind, type Section } from '../wire/frame.js';
import { DeserializationError } from '../wire/wire-errors.js';
import { encryptCompressed } from './compressed-ciphertexts.js';
import { deserialize, type DeserializedObject } from './deserialize.js';
import { serializeCiphertexts } from './lwe-ciphertext-format.js';
import { craftedFrame, expectOnlyTypedRejections, firstDifference, testRng, type TestRng } from './testing/frame-mutations.js';

/** TEST ONLY: the toy set shrunk further so a compressed key is ~70 KB and thousands of corruptions take seconds. */
const FUZZ_PARAMS: ParameterSet = { ...TOY_PARAMETERS_INSECURE, name: 'FUZZ-INSECURE-test-only', lweDimension: 16, glweDimension: 1, polynomialSize: 256, pbsLevel: 1, ksLevel: 3 };

let key: ClientKey;
let evk: EvaluationKeys;
const frames = new Map<string, { kind: FrameKind; bytes: Uint8Array }>();
beforeAll(async () => {
  await initTfhe();
  key = ClientKey.generate(FUZZ_PARAMS);
  evk = key.evaluationKeys();
  const cts = [key.encrypt(3), key.encrypt(1, 2)];
  cts.push(evk.keyswitch(cts[0]!));
  frames.set('LweCiphertext', { kind: FrameKind.LweCiphertext, bytes: cts[2]!.serialize() });
  frames.set('LweCiphertextBatch', { kind: FrameKind.LweCiphertextBatch, bytes: serializeCiphertexts(cts) });
  frames.set('ClientKey', { kind: FrameKind.ClientKey, bytes: key.serialize() });
  frames.set('EvaluationKeys', { kind: FrameKind.CompressedEvaluationKeys, bytes: evk.serialize() });
  const lookupFree = key.evaluationKeys({ lookups: false });
  frames.set('LookupFreeEvaluationKeys', { kind: FrameKind.CompressedEvaluationKeys, bytes: lookupFree.serialize() });
  lookupFree.dispose();
  frames.set('CompressedLweCiphertexts', { kind: FrameKind.CompressedLweCiphertext, bytes: encryptCompressed(key, [1, -2, 3], 3) });
  for (const ct of cts) ct.dispose();
});
afterAll(() => {
  evk.dispose();
  key.dispose();
});

function disposeAll(object: DeserializedObject): void {
  if (Array.isArray(object.value)) for (const ct of object.value) ct.dispose();
  else object.value.dispose();
}

/** The frame an object was read from. Expanded compressed ciphertexts are compressed again with `bytes`'s seed. */
function reserialize(object: DeserializedObject, bytes: Uint8Array): Uint8Array {
  switch (object.kind) {
    case 'LweCiphertextBatch':
      return serializeCiphertexts(object.value, object.value[0]?.params);
    case 'CompressedLweCiphertexts': {
      const { params, sections } = decodeFrame(bytes, FrameKind.CompressedLweCiphertext);
      return encodeFrame(FrameKind.CompressedLweCiphertext, object.value[0]?.params ?? params, [
        sections[0]!,
        { type: 'bytes', data: Uint8Array.from(object.value.flatMap((ct) => [0, ct.precision])) },
        { type: 'u64', data: BigUint64Array.from(object.value, (ct) => ct.toWords()[ct.lweDimension]!) },
      ]);
    }
    default:
      return object.value.serialize();
  }
}

const readAny = (bytes: Uint8Array): { dispose(): void } => {
  const object = deserialize(bytes);
  return { dispose: () => disposeAll(object) };
};

const FORMATS = ['LweCiphertext', 'LweCiphertextBatch', 'ClientKey', 'EvaluationKeys', 'LookupFreeEvaluationKeys', 'CompressedLweCiphertexts'];

/** The object kind deserialize reports for each format (lookup-free keys are EvaluationKeys too). */
const objectKind = (format: string): string => (format === 'LookupFreeEvaluationKeys' ? 'EvaluationKeys' : format);

describe('generic deserialize', () => {
  it.each(FORMATS)('reads a %s frame back as what was written', (name) => {
    const { bytes } = frames.get(name)!;
    const object = deserialize(bytes, FUZZ_PARAMS);
    expect(object.kind).toBe(objectKind(name));
    expect(firstDifference(reserialize(object, bytes), bytes)).toBe(-1);
    disposeAll(object);
  });

  it('rejects the reserved kind no writer produces (uncompressed evaluation keys)', () => {
    const frame = encodeFrame(FrameKind.EvaluationKeys, FUZZ_PARAMS, []);
    expect(peekFrameKind(frame)).toBe(FrameKind.EvaluationKeys);
    expect(() => deserialize(frame)).toThrow(/no reader for frame kind 2/);
  });
});

describe('fuzzed deserialization: random corruptions, truncations and extensions of the bytes', () => {
  it.each(FORMATS)('%s: 2000 corruptions, every one a DeserializationError', (name) => {
    expect(expectOnlyTypedRejections(frames.get(name)!.bytes, 2000, 0x5eed + name.length, readAny)).toBeGreaterThan(1990);
  });
});

type SectionEdit = (sections: Section[], rng: TestRng) => Section[];

/** Damage no reader may accept: a section dropped, added, resized or of another type. */
const invalidatingEdits: SectionEdit[] = [
  (s, rng) => {
    const i = rng.int(s.length);
    return s.filter((_, j) => j !== i);
  },
  (s, rng) => [...s, s[rng.int(s.length)]!],
  (s, rng) => {
    const i = rng.int(s.length);
    return s.map((section, j) => (j === i ? resized(section, rng) : section));
  },
  (s, rng) => {
    const i = rng.int(s.length);
    return s.map((section, j) => (j === i ? retyped(section, rng) : section));
  },
];

/** Damage that may leave a valid object (a swap of two alike sections, random key-switch bodies...). */
const otherEdits: SectionEdit[] = [
  (s, rng) => {
    const i = rng.int(s.length);
    const j = rng.int(s.length);
    [s[i], s[j]] = [s[j]!, s[i]!];
    return s;
  },
  (s, rng) => s.map((section) => (section.type === 'bytes' ? { type: 'bytes', data: rng.bytes(section.data.length) } : section)),
  (s, rng) =>
    s.map((section) => {
      if (section.type !== 'bytes' || section.data.length === 0) return section;
      const data = section.data.slice();
      data[rng.int(data.length)] = 2 + rng.int(254);
      return { type: 'bytes', data };
    }),
];

function resized(section: Section, rng: TestRng): Section {
  const delta = 1 + rng.int(16);
  const length = rng.int(2) === 0 ? Math.max(0, section.data.length - delta) : section.data.length + delta;
  switch (section.type) {
    case 'u64':
      return { type: 'u64', data: BigUint64Array.from({ length }, (_, i) => section.data[i] ?? BigInt(i)) };
    case 'f64':
      return { type: 'f64', data: Float64Array.from({ length }, (_, i) => section.data[i] ?? i) };
    case 'seed':
      return { type: 'bytes', data: rng.bytes(length) };
    default:
      return { type: 'bytes', data: Uint8Array.from({ length }, (_, i) => section.data[i] ?? 0) };
  }
}

function retyped(section: Section, rng: TestRng): Section {
  const raw = new Uint8Array(section.data.buffer, section.data.byteOffset, section.data.byteLength).slice();
  const whole = raw.slice(0, raw.length - (raw.length % 8));
  const choices: Section[] = [
    { type: 'bytes', data: raw },
    { type: 'u64', data: new BigUint64Array(whole.buffer) },
    { type: 'f64', data: new Float64Array(whole.buffer) },
    { type: 'seed', data: Uint8Array.from({ length: 32 }, (_, i) => raw[i] ?? 0) },
  ];
  const others = choices.filter((c) => c.type !== section.type);
  return others[rng.int(others.length)]!;
}

/** Parameter sets a writer might wrongly record: one field changed. */
function tweakedParameters(params: ParameterSet, rng: TestRng): ParameterSet {
  const tweaks: Partial<ParameterSet>[] = [
    { lweDimension: params.lweDimension + 1 + rng.int(8) },
    { glweDimension: params.glweDimension + 1 },
    { polynomialSize: params.polynomialSize * 2 },
    { polynomialSize: params.polynomialSize + 8 },
    { pbsLevel: params.pbsLevel + 1 },
    { ksLevel: params.ksLevel + 1 },
    { pbsBaseLog: 64 },
    { precision: 0 },
    { precision: 9 + rng.int(8) },
    { lweDimension: 0 },
  ];
  return { ...params, ...tweaks[rng.int(tweaks.length)]! };
}

describe('fuzzed deserialization: damaged content behind a valid checksum', () => {
  it.each(FORMATS)('%s: 1200 crafted frames are rejected with a DeserializationError or read back losslessly', (name) => {
    const { kind, bytes } = frames.get(name)!;
    const rng = testRng(0xc0ffee + name.length);
    const edits = [...invalidatingEdits, ...otherEdits];
    for (let i = 0; i < 1200; i++) {
      const edit = edits[i % (edits.length + 1)];
      const params = edit === undefined ? tweakedParameters(FUZZ_PARAMS, rng) : undefined;
      const crafted = craftedFrame(kind, bytes, (s) => (edit === undefined ? s : edit(s, rng)), params);
      let object: DeserializedObject | undefined;
      try {
        object = deserialize(crafted);
      } catch (error) {
        if (!(error instanceof DeserializationError)) throw new Error(`crafted frame #${i}: ${String(error)}`);
        continue;
      }
      if (edit !== undefined && invalidatingEdits.includes(edit)) throw new Error(`crafted frame #${i} (a section dropped, added, resized or retyped) was accepted`);
      // Accepted: then it is exactly what the frame says (re-serializes to the same bytes).
      expect(firstDifference(reserialize(object, crafted), crafted)).toBe(-1);
      disposeAll(object);
    }
  });
});
