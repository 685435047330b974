import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientKey } from '../client-key.js';
import type { EvaluationKeys } from '../evaluation-keys.js';
import { LweCiphertext } from '../lwe-ciphertext.js';
import { getParameterSet } from '../params/get-parameter-set.js';
import { TOY_PARAMETERS_INSECURE as TOY } from '../testing/toy-parameters.js';
import { initTfhe } from '../wasm-module.js';
import { encodeFrame, FrameKind } from '../wire/frame.js';
import { SerializationError } from '../wire/wire-errors.js';
import { deserializeCiphertexts, serializeCiphertexts } from './lwe-ciphertext-format.js';
import { craftedFrame, rejectionReason } from './testing/frame-mutations.js';

let key: ClientKey;
let evk: EvaluationKeys;
beforeAll(async () => {
  await initTfhe();
  key = ClientKey.generate(TOY);
  evk = key.evaluationKeys();
});
afterAll(() => {
  evk.dispose();
  key.dispose();
});

const sameWords = (a: LweCiphertext, b: LweCiphertext): void => expect(b.toWords()).toEqual(a.toWords());

describe('one LWE ciphertext', () => {
  it('round-trips a big-key ciphertext word for word, with its precision, and still decrypts', () => {
    const ct = key.encrypt(5, 3);
    const back = LweCiphertext.deserialize(ct.serialize());
    sameWords(ct, back);
    expect([back.keyKind, back.precision, back.params]).toEqual(['big', 3, TOY]);
    expect(key.decrypt(back)).toBe(5);
    ct.dispose();
    back.dispose();
  });

  it('round-trips a small-key ciphertext (a keyswitch output) that still decrypts under the small key', () => {
    const ct = key.encrypt(2, 2);
    const small = evk.keyswitch(ct);
    const back = LweCiphertext.deserialize(small.serialize(), TOY);
    sameWords(small, back);
    expect([back.keyKind, back.words]).toEqual(['small', TOY.lweDimension + 1]);
    expect(key.decrypt(back)).toBe(2);
    for (const c of [ct, small, back]) c.dispose();
  });

  it('a deserialized ciphertext can be bootstrapped', () => {
    const ct = key.encrypt(6, 3);
    const back = LweCiphertext.deserialize(ct.serialize());
    const out = evk.applyLookupTable(back, [7, 6, 5, 4, 3, 2, 1, 0]);
    expect(key.decrypt(out)).toBe(1);
    for (const c of [ct, back, out]) c.dispose();
  });

  it('carries the published preset itself when the frame is for one (name and recorded p_fail included)', () => {
    const preset = getParameterSet({ precision: 2 });
    const words = new BigUint64Array(preset.glweDimension * preset.polynomialSize + 1).fill(7n);
    const frame = encodeFrame(FrameKind.LweCiphertext, { ...preset, name: 'renamed' }, [
      { type: 'bytes', data: Uint8Array.of(0, 2) },
      { type: 'u64', data: words },
    ]);
    const ct = LweCiphertext.deserialize(frame);
    expect(ct.params).toBe(preset);
    expect(ct.toWords()).toEqual(words);
    ct.dispose();
  });

  it('rejects a ciphertext of another parameter set when one is expected', () => {
    const ct = key.encrypt(1, 3);
    expect(rejectionReason(() => LweCiphertext.deserialize(ct.serialize(), getParameterSet({ precision: 3 })))).toBe('parameter-mismatch');
    ct.dispose();
  });

  it('rejects a batch frame, and crafted frames with a bad key code, precision or word count', () => {
    const ct = key.encrypt(1, 3);
    const bytes = ct.serialize();
    const read = (b: Uint8Array) => () => LweCiphertext.deserialize(b);
    expect(rejectionReason(read(serializeCiphertexts([ct])))).toBe('wrong-kind');
    const withDescriptor = (d: number[]) =>
      craftedFrame(FrameKind.LweCiphertext, bytes, (s) => [{ type: 'bytes', data: Uint8Array.from(d) }, s[1]!]);
    expect(rejectionReason(read(withDescriptor([2, 3])))).toBe('malformed');
    expect(rejectionReason(read(withDescriptor([0, 0])))).toBe('malformed');
    expect(rejectionReason(read(withDescriptor([0, 17])))).toBe('malformed');
    expect(rejectionReason(read(withDescriptor([1, 3])))).toBe('length-mismatch'); // big-key words read as small-key
    expect(rejectionReason(read(withDescriptor([0, 3, 0])))).toBe('length-mismatch');
    const words = ct.toWords();
    const withWords = (w: BigUint64Array) => craftedFrame(FrameKind.LweCiphertext, bytes, (s) => [s[0]!, { type: 'u64', data: w }]);
    expect(rejectionReason(read(withWords(words.subarray(1))))).toBe('length-mismatch');
    expect(rejectionReason(read(withWords(BigUint64Array.from([...words, 0n]))))).toBe('length-mismatch');
    expect(rejectionReason(read(craftedFrame(FrameKind.LweCiphertext, bytes, (s) => [s[0]!, { type: 'f64', data: new Float64Array(words.length) }])))).toBe(
      'malformed',
    );
    expect(rejectionReason(read(craftedFrame(FrameKind.LweCiphertext, bytes, (s) => [...s, s[0]!])))).toBe('length-mismatch');
    ct.dispose();
  });
});

describe('a batch of ciphertexts', () => {
  it('round-trips ciphertexts of mixed precisions and keys, in order, word for word', () => {
    const big = [key.encrypt(3, 2), key.encrypt(7, 3), key.encrypt(0, 1)];
    const small = evk.keyswitch(big[1]!);
    const cts = [big[0]!, small, big[1]!, big[2]!];
    const back = deserializeCiphertexts(serializeCiphertexts(cts), TOY);
    expect(back.map((c) => [c.keyKind, c.precision])).toEqual(cts.map((c) => [c.keyKind, c.precision]));
    back.forEach((c, i) => sameWords(cts[i]!, c));
    expect(back.map((c) => key.decrypt(c))).toEqual([3, 7, 7, 0]);
    for (const c of [...cts, ...back]) c.dispose();
  });

  it('round-trips an empty batch given its parameter set, and refuses one without', () => {
    expect(deserializeCiphertexts(serializeCiphertexts([], TOY))).toEqual([]);
    expect(() => serializeCiphertexts([])).toThrow(SerializationError);
  });

  it('refuses to batch ciphertexts of different parameter sets', () => {
    const other = ClientKey.generate({ ...TOY, lweDimension: TOY.lweDimension + 1 });
    const cts = [key.encrypt(1, 3), other.encrypt(1, 3)];
    expect(() => serializeCiphertexts(cts)).toThrow(/ciphertext 1 is for parameter set/);
    for (const c of cts) c.dispose();
    other.dispose();
  });

  it('rejects descriptors that do not come in pairs or do not match the words', () => {
    const cts = [key.encrypt(1, 3), key.encrypt(2, 3)];
    const bytes = serializeCiphertexts(cts);
    const read = (b: Uint8Array) => () => deserializeCiphertexts(b);
    const withDescriptors = (d: number[]) =>
      craftedFrame(FrameKind.LweCiphertextBatch, bytes, (s) => [{ type: 'bytes', data: Uint8Array.from(d) }, s[1]!]);
    expect(rejectionReason(read(withDescriptors([0, 3, 0])))).toBe('malformed');
    expect(rejectionReason(read(withDescriptors([0, 3])))).toBe('length-mismatch');
    expect(rejectionReason(read(withDescriptors([0, 3, 0, 3, 0, 3])))).toBe('length-mismatch');
    expect(rejectionReason(read(withDescriptors([0, 3, 5, 3])))).toBe('malformed');
    expect(rejectionReason(read(withDescriptors([0, 3, 0, 200])))).toBe('malformed');
    expect(rejectionReason(read(cts[0]!.serialize()))).toBe('wrong-kind');
    for (const c of cts) c.dispose();
  });
});
