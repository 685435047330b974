import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientKey } from '../client-key.js';
import type { EvaluationKeys } from '../evaluation-keys.js';
import { getParameterSet } from '../params/get-parameter-set.js';
import { checkEveryInputOfRandomTables } from '../testing/check-every-input.js';
import { initTfhe } from '../wasm-module.js';

// One key generation for the file: the real 128-bit preset for 6-bit lookups.
// The Fourier bootstrap key alone is 0.5 GB: a single key generation, few tables.
const params = getParameterSet({ precision: 6 });
let key: ClientKey;
let evk: EvaluationKeys;
beforeAll(async () => {
  await initTfhe();
  key = ClientKey.generate(params);
  evk = key.evaluationKeys();
});
afterAll(() => {
  evk.dispose();
  key.dispose();
});

describe('the 6-bit 128-bit preset', () => {
  it('gives the right value for every input of 1 random table, unsigned and signed', () => {
    expect(checkEveryInputOfRandomTables(key, evk, 6, 1)).toBe(128);
  });
});
