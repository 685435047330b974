import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientKey } from '../client-key.js';
import { MissingLookupKeysError } from '../errors.js';
import { EvaluationKeys } from '../evaluation-keys.js';
import { getParameterSet } from '../params/get-parameter-set.js';
import { parameterSets } from '../params/presets.js';
import { TOY_PARAMETERS_INSECURE as TOY } from '../testing/toy-parameters.js';
import { initTfhe } from '../wasm-module.js';
import { decodeFrame, FrameKind } from '../wire/frame.js';
import { deserialize } from './deserialize.js';
import { compressedEvaluationKeysBytes } from './evaluation-keys-format.js';
import { craftedFrame, firstDifference, rejectionReason } from './testing/frame-mutations.js';

let key: ClientKey;
let linearKeys: EvaluationKeys;
let bytes: Uint8Array;
let fullBytes: Uint8Array;
beforeAll(async () => {
  await initTfhe();
  key = ClientKey.generate(TOY);
  linearKeys = key.evaluationKeys({ lookups: false });
  bytes = linearKeys.serialize();
  const full = key.evaluationKeys();
  fullBytes = full.serialize();
  full.dispose();
});
afterAll(() => {
  linearKeys.dispose();
  key.dispose();
});

describe('the frame of lookup-free evaluation keys', () => {
  it('is a compressed-evaluation-keys frame holding the mask seed alone', () => {
    const frame = decodeFrame(bytes, FrameKind.CompressedEvaluationKeys, TOY);
    expect(frame.sections.map((s) => s.type)).toEqual(['seed']);
    expect(firstDifference(frame.sections[0]!.data, linearKeys.maskSeed)).toBe(-1);
    expect(bytes.length).toBe(compressedEvaluationKeysBytes(TOY, { lookups: false }));
  });

  it('reads back as lookup-free EvaluationKeys with the same seed and parameters, and writes the same bytes', () => {
    const loaded = EvaluationKeys.deserialize(bytes, TOY);
    expect(loaded).toBeInstanceOf(EvaluationKeys);
    expect(loaded.lookups).toBe(false);
    expect(loaded.byteLength).toBe(0);
    expect(loaded.params).toEqual(TOY);
    expect(firstDifference(loaded.maskSeed, linearKeys.maskSeed)).toBe(-1);
    expect(firstDifference(loaded.serialize(), bytes)).toBe(-1);
    const ct = key.encrypt(1);
    expect(() => loaded.applyLookupTable(ct, [0, 1, 2, 3, 4, 5, 6, 7])).toThrow(MissingLookupKeysError);
    for (const o of [ct, loaded]) o.dispose();
  });

  it('is read by the generic deserialize as EvaluationKeys', () => {
    const object = deserialize(bytes);
    expect(object.kind).toBe('EvaluationKeys');
    const keys = object.value as EvaluationKeys;
    expect(keys.lookups).toBe(false);
    expect(keys.params.name).toBe(TOY.name);
    keys.dispose();
  });

  it('takes a few hundred bytes for every published preset, against MB for the full keys', () => {
    for (const params of parameterSets) {
      const size = compressedEvaluationKeysBytes(params, { lookups: false });
      expect(size).toBeLessThan(400);
      expect(compressedEvaluationKeysBytes(params, { lookups: true })).toBe(compressedEvaluationKeysBytes(params));
      expect(compressedEvaluationKeysBytes(params)).toBeGreaterThan(10_000 * size);
    }
  });

  it('is refused for another parameter set, and by the client-key reader', () => {
    expect(rejectionReason(() => EvaluationKeys.deserialize(bytes, getParameterSet({ precision: 3 })))).toBe('parameter-mismatch');
    expect(rejectionReason(() => ClientKey.deserialize(bytes))).toBe('wrong-kind');
  });

  it('is refused when crafted with no section, a retyped seed, or a section beyond the seed', () => {
    const read = (edit: Parameters<typeof craftedFrame>[2]) => () => EvaluationKeys.deserialize(craftedFrame(FrameKind.CompressedEvaluationKeys, bytes, edit));
    const seed = decodeFrame(bytes, FrameKind.CompressedEvaluationKeys).sections[0]!;
    expect(rejectionReason(read(() => []))).toBe('length-mismatch');
    expect(rejectionReason(read(() => [seed, seed]))).toBe('length-mismatch');
    expect(rejectionReason(read(() => [seed, seed, seed, seed]))).toBe('length-mismatch');
    expect(rejectionReason(read(() => [{ type: 'bytes', data: seed.data as Uint8Array }]))).toBe('malformed');
    expect(rejectionReason(read(() => [{ type: 'u64', data: new BigUint64Array(4) }]))).toBe('malformed');
    expect(() => EvaluationKeys.deserialize(craftedFrame(FrameKind.CompressedEvaluationKeys, bytes, () => []))).toThrow(
      /expected 3 sections \(or 1: keys without lookups\), got 0/,
    );
  });

  it('a full frame missing one key section is refused, not read as lookup-free keys', () => {
    const read = (edit: Parameters<typeof craftedFrame>[2]) => () => EvaluationKeys.deserialize(craftedFrame(FrameKind.CompressedEvaluationKeys, fullBytes, edit));
    expect(rejectionReason(read((s) => [s[0]!, s[1]!]))).toBe('length-mismatch');
    expect(rejectionReason(read((s) => [s[0]!, s[2]!]))).toBe('length-mismatch');
    expect(rejectionReason(read((s) => [s[1]!]))).toBe('malformed');
  });
});
