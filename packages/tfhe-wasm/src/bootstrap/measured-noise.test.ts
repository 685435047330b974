import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientKey } from '../client-key.js';
import { encode } from '../encoding.js';
import type { EvaluationKeys } from '../evaluation-keys.js';
import { getParameterSet } from '../params/get-parameter-set.js';
import { noise } from '../noise/index.js';
import { initTfhe } from '../wasm-module.js';

/**
 * The noise the implementation really adds, against the model of src/noise (tfhe-rs's
 * formulas): the sample variance of the phase error over a few hundred runs must agree with
 * the predicted variance within a factor of 2 (with 200+ samples the sample variance itself
 * is within ~10% of the truth, so a factor 2 catches any real mismatch: a missing rounding,
 * a wrong decomposition, an FFT losing bits).
 */
const params = getParameterSet({ precision: 4 });
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

/** Phase error as a torus value in (-1/2, 1/2]. */
function torusError(phase: bigint, message: number): number {
  return Number(BigInt.asIntN(64, phase - encode(message, params.precision))) / 2 ** 64;
}

function variance(errors: number[]): number {
  return errors.reduce((s, e) => s + e * e, 0) / errors.length;
}

describe('measured noise on the 4-bit preset', () => {
  it('after a keyswitch: fresh + V_ks', () => {
    const errors: number[] = [];
    for (let i = 0; i < 300; i++) {
      const m = i % 16;
      const ct = key.encrypt(m);
      const small = evk.keyswitch(ct);
      errors.push(torusError(key.decryptPhase(small), m));
      ct.dispose();
      small.dispose();
    }
    const predicted = noise.freshBigKeyVariance(params) + noise.keyswitchVariance(params);
    const ratio = variance(errors) / predicted;
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('after a programmable bootstrap: V_pbs (independent of the input noise)', () => {
    const identity = Array.from({ length: 16 }, (_, i) => i);
    const errors: number[] = [];
    for (let i = 0; i < 200; i++) {
      const m = i % 16;
      const ct = key.encrypt(m);
      const out = evk.applyLookupTable(ct, identity);
      errors.push(torusError(key.decryptPhase(out), m));
      ct.dispose();
      out.dispose();
    }
    const ratio = variance(errors) / noise.bootstrapVariance(params);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});
