import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientKey } from '../client-key.js';
import { EvaluationKeys } from '../evaluation-keys.js';
import { getParameterSet } from '../params/get-parameter-set.js';
import { checkEveryInputOfRandomTables } from '../testing/check-every-input.js';
import { initTfhe, type TfheExports } from '../wasm-module.js';
import { compressedEvaluationKeysBytes } from './evaluation-keys-format.js';
import { firstDifference } from './testing/frame-mutations.js';

let tfhe: TfheExports;
beforeAll(async () => {
  tfhe = await initTfhe();
});

// The real 128-bit presets: one key generation and one reload per precision.
describe.each([2, 4])('compressed evaluation keys of the %i-bit preset', (precision) => {
  const params = getParameterSet({ precision });
  let key: ClientKey;
  let evk: EvaluationKeys;
  let bytes: Uint8Array;
  let loaded: EvaluationKeys;
  beforeAll(() => {
    key = ClientKey.generate(params);
    evk = key.evaluationKeys();
    bytes = evk.serialize();
    loaded = EvaluationKeys.deserialize(bytes, params);
  });
  afterAll(() => {
    for (const o of [loaded, evk, key]) o.dispose();
  });

  it('reload bit-identical to the generated keys', () => {
    const region = (ptr: number, length: number): Uint8Array => new Uint8Array(tfhe.memory.buffer, ptr, length);
    expect(firstDifference(region(loaded.bootstrapKey, loaded.bootstrapKeyBytes), region(evk.bootstrapKey, evk.bootstrapKeyBytes))).toBe(-1);
    expect(firstDifference(region(loaded.keyswitchKey, loaded.keyswitchKeyBytes), region(evk.keyswitchKey, evk.keyswitchKeyBytes))).toBe(-1);
  });

  it('reloaded keys give the right value for every input of random tables, unsigned and signed', () => {
    // 3 random tables, the identity and one signed table over all 2^p inputs.
    expect(checkEveryInputOfRandomTables(key, loaded, precision, 3)).toBe(5 * 2 ** precision);
  });

  it('reloaded keys give the same lookup results as the originals on the same ciphertexts', () => {
    const table = Array.from({ length: 2 ** precision }, (_, i) => (5 * i + 1) % 2 ** precision);
    for (let m = 0; m < 2 ** precision; m++) {
      const ct = key.encrypt(m);
      const outputs = [evk, loaded].map((keys) => keys.applyLookupTable(ct, table));
      expect(outputs.map((out) => key.decrypt(out))).toEqual([table[m], table[m]]);
      for (const c of [ct, ...outputs]) c.dispose();
    }
  });

  it('take at most 55% of the standard-domain keys in memory, with the predicted size', () => {
    expect(bytes.length).toBe(compressedEvaluationKeysBytes(params));
    expect(bytes.length / evk.byteLength).toBeLessThan(0.55);
  });
});
