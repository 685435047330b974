import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientKey } from '../client-key.js';
import type { EvaluationKeys } from '../evaluation-keys.js';
import { ValueOutOfRangeError } from '../errors.js';
import { getParameterSet } from '../params/get-parameter-set.js';
import { TOY_PARAMETERS_INSECURE as TOY } from '../testing/toy-parameters.js';
import { initTfhe } from '../wasm-module.js';
import { FrameKind } from '../wire/frame.js';
import { deserializeCompressedCiphertexts, encryptCompressed } from './compressed-ciphertexts.js';
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

describe('compressed (seeded) ciphertexts', () => {
  it('expand to ciphertexts that decrypt to the values, unsigned and signed', () => {
    const cts = deserializeCompressedCiphertexts(encryptCompressed(key, [0, 5, 7, 2], 3), TOY);
    expect(cts.map((ct) => key.decrypt(ct))).toEqual([0, 5, 7, 2]);
    const signed = deserializeCompressedCiphertexts(encryptCompressed(key, [-4, -1, 3], 3));
    expect(signed.map((ct) => key.decrypt(ct, { signed: true }))).toEqual([-4, -1, 3]);
    for (const ct of [...cts, ...signed]) ct.dispose();
  });

  it('hold one u64 per ciphertext beyond the seed and descriptors, and expand the same way every time', () => {
    const bytes = encryptCompressed(key, Array.from({ length: 100 }, (_, i) => i % 8), 3);
    const full = 100 * (TOY.glweDimension * TOY.polynomialSize + 1) * 8;
    expect(bytes.length).toBeLessThan(100 * 10 + 400);
    expect(bytes.length * 100).toBeLessThan(full);
    const [a, b] = [deserializeCompressedCiphertexts(bytes), deserializeCompressedCiphertexts(bytes)];
    a!.forEach((ct, i) => expect(ct.toWords()).toEqual(b![i]!.toWords()));
    for (const ct of [...a!, ...b!]) ct.dispose();
  });

  it('draw fresh masks for each ciphertext and each call', () => {
    const [x, y] = deserializeCompressedCiphertexts(encryptCompressed(key, [1, 1], 3));
    const [z] = deserializeCompressedCiphertexts(encryptCompressed(key, [1], 3));
    const mask = (ct: typeof x) => ct!.toWords().subarray(0, 4);
    expect(mask(x)).not.toEqual(mask(y));
    expect(mask(x)).not.toEqual(mask(z));
    for (const ct of [x, y, z]) ct!.dispose();
  });

  it('expanded ciphertexts can be bootstrapped', () => {
    const [ct] = deserializeCompressedCiphertexts(encryptCompressed(key, [6], 3));
    const out = evk.applyLookupTable(ct!, [1, 2, 3, 4, 5, 6, 7, 0]);
    expect(key.decrypt(out)).toBe(7);
    ct!.dispose();
    out.dispose();
  });

  it('refuse values and precisions that do not fit', () => {
    expect(() => encryptCompressed(key, [8], 3)).toThrow(ValueOutOfRangeError);
    expect(() => encryptCompressed(key, [1], TOY.precision + 1)).toThrow(ValueOutOfRangeError);
  });

  it('reject another parameter set, a non-big key code, a bad precision and a body count that does not match', () => {
    const bytes = encryptCompressed(key, [1, 2], 3);
    const read = (b: Uint8Array) => () => deserializeCompressedCiphertexts(b);
    expect(rejectionReason(() => deserializeCompressedCiphertexts(bytes, getParameterSet({ precision: 3 })))).toBe('parameter-mismatch');
    const withDescriptors = (d: number[]) =>
      craftedFrame(FrameKind.CompressedLweCiphertext, bytes, (s) => [s[0]!, { type: 'bytes', data: Uint8Array.from(d) }, s[2]!]);
    expect(rejectionReason(read(withDescriptors([0, 3, 1, 3])))).toBe('malformed');
    expect(rejectionReason(read(withDescriptors([0, 3, 0, 0])))).toBe('malformed');
    expect(rejectionReason(read(withDescriptors([0, 3, 0])))).toBe('malformed');
    expect(rejectionReason(read(withDescriptors([0, 3])))).toBe('length-mismatch');
    expect(rejectionReason(read(craftedFrame(FrameKind.CompressedLweCiphertext, bytes, (s) => [s[1]!, s[0]!, s[2]!])))).toBe('malformed');
  });
});
