import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientKey } from '../client-key.js';
import type { EvaluationKeys } from '../evaluation-keys.js';
import { getParameterSet } from '../params/get-parameter-set.js';
import { checkEveryInputOfRandomTables } from '../testing/check-every-input.js';
import { initTfhe } from '../wasm-module.js';

// One key generation for the file: the real 128-bit preset for 5-bit lookups.
const params = getParameterSet({ precision: 5 });
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

describe('the 5-bit 128-bit preset', () => {
  it('gives the right value for every input of 2 random tables, unsigned and signed', () => {
    expect(checkEveryInputOfRandomTables(key, evk, 5, 2)).toBe(96);
  });
});
