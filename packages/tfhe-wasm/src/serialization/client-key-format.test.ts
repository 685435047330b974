import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientKey } from '../client-key.js';
import { EvaluationKeys } from '../evaluation-keys.js';
import { getParameterSet } from '../params/get-parameter-set.js';
import { TOY_PARAMETERS_INSECURE as TOY } from '../testing/toy-parameters.js';
import { initTfhe } from '../wasm-module.js';
import { decodeFrame, FrameKind } from '../wire/frame.js';
import { craftedFrame, rejectionReason } from './testing/frame-mutations.js';

let key: ClientKey;
let bytes: Uint8Array;
beforeAll(async () => {
  await initTfhe();
  key = ClientKey.generate(TOY);
  bytes = key.serialize();
});
afterAll(() => key.dispose());

describe('the client key format', () => {
  it('round-trips: the loaded key decrypts what the original encrypted, and the other way round', () => {
    const loaded = ClientKey.deserialize(bytes, TOY);
    expect(loaded.params).toBe(TOY);
    for (const m of [0, 3, 5, 7]) {
      const fromOriginal = key.encrypt(m);
      const fromLoaded = loaded.encrypt(m);
      expect([loaded.decrypt(fromOriginal), key.decrypt(fromLoaded)]).toEqual([m, m]);
      fromOriginal.dispose();
      fromLoaded.dispose();
    }
    expect(loaded.serialize()).toEqual(bytes);
    loaded.dispose();
  });

  it('evaluation keys made from the loaded key serve ciphertexts of the original key', () => {
    const loaded = ClientKey.deserialize(bytes);
    const evk = loaded.evaluationKeys();
    const ct = key.encrypt(4);
    const out = evk.applyLookupTable(ct, [0, 2, 4, 6, 8, 10, 12, 14].map((v) => v % 8));
    expect(key.decrypt(out)).toBe(0);
    for (const o of [ct, out, evk, loaded]) o.dispose();
  });

  it('holds one byte per key bit and nothing of the secret generator (using the key does not change its bytes)', () => {
    const { sections } = decodeFrame(bytes, FrameKind.ClientKey);
    expect(sections.map((s) => [s.type, s.data.length])).toEqual([
      ['bytes', TOY.lweDimension],
      ['bytes', TOY.glweDimension * TOY.polynomialSize],
    ]);
    key.encrypt(1).dispose();
    expect(key.serialize()).toEqual(bytes);
  });

  it('is refused by the evaluation-key loader as the wrong kind, and by another parameter set', () => {
    expect(rejectionReason(() => EvaluationKeys.deserialize(bytes))).toBe('wrong-kind');
    expect(rejectionReason(() => ClientKey.deserialize(bytes, getParameterSet({ precision: 3 })))).toBe('parameter-mismatch');
  });

  it('rejects a key coefficient other than 0 or 1, and keys of the wrong length', () => {
    const read = (edit: Parameters<typeof craftedFrame>[2]) => () => ClientKey.deserialize(craftedFrame(FrameKind.ClientKey, bytes, edit));
    const withBit = (section: number, at: number, value: number) =>
      read((s) => {
        const data = (s[section]!.data as Uint8Array).slice();
        data[at] = value;
        s[section] = { type: 'bytes', data };
        return s;
      });
    expect(rejectionReason(withBit(0, 5, 2))).toBe('malformed');
    expect(rejectionReason(withBit(1, TOY.polynomialSize, 255))).toBe('malformed');
    expect(rejectionReason(read((s) => [s[0]!, { type: 'bytes', data: (s[1]!.data as Uint8Array).subarray(1) }]))).toBe('length-mismatch');
    expect(rejectionReason(read((s) => [s[1]!, s[0]!]))).toBe('length-mismatch');
    expect(rejectionReason(read((s) => [s[0]!]))).toBe('length-mismatch');
    expect(rejectionReason(read((s) => [{ type: 'u64', data: new BigUint64Array(TOY.lweDimension) }, s[1]!]))).toBe('malformed');
  });

  it('rejects a frame whose parameter set the kernels cannot run', () => {
    const odd = { ...TOY, name: 'odd', polynomialSize: 384 };
    const frame = craftedFrame(FrameKind.ClientKey, bytes, (s) => s, odd);
    expect(rejectionReason(() => ClientKey.deserialize(frame))).toBe('malformed');
  });
});
