import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientKey } from '../client-key.js';
import { encode } from '../encoding.js';
import type { EvaluationKeys } from '../evaluation-keys.js';
import { checkEveryInputOfRandomTables } from '../testing/check-every-input.js';
import { initTfhe } from '../wasm-module.js';
import { MultiBitEvaluationKeys } from './multi-bit-keys.js';
import { multiBitBootstrapVariance } from './noise.js';
import { getMultiBitParameterSet } from './parameters.js';

beforeAll(async () => {
  await initTfhe();
});

describe.each([2, 3])("tfhe-rs's 4-bit multi-bit set with g = %i", (g) => {
  const params = getMultiBitParameterSet(4, g);
  let key: ClientKey;
  let keys: MultiBitEvaluationKeys;
  beforeAll(() => {
    key = ClientKey.generate(params);
    keys = MultiBitEvaluationKeys.generate(key);
  });
  afterAll(() => {
    keys.dispose();
    key.dispose();
  });

  it('gives the right value for every input of 2 random tables and the identity, unsigned and signed', () => {
    // The checker only calls applyLookupTable, which the multi-bit keys have with the same contract.
    expect(checkEveryInputOfRandomTables(key, keys as unknown as EvaluationKeys, 4, 2)).toBe(64);
  });

  it('adds output noise whose measured variance is within a factor 2 of the model', () => {
    const errors: number[] = [];
    const identity = Array.from({ length: 16 }, (_, i) => i);
    for (let run = 0; run < 120; run++) {
      const m = run % 16;
      const ct = key.encrypt(m);
      const out = keys.applyLookupTable(ct, identity);
      errors.push(Number(BigInt.asIntN(64, key.decryptPhase(out) - encode(m, 4))) / 2 ** 64);
      ct.dispose();
      out.dispose();
    }
    const measured = errors.reduce((s, e) => s + e * e, 0) / errors.length;
    const predicted = multiBitBootstrapVariance(params);
    expect(measured / predicted).toBeGreaterThan(0.5);
    expect(measured / predicted).toBeLessThan(2);
  });
});
