import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientKey } from '../client-key.js';
import type { EvaluationKeys } from '../evaluation-keys.js';
import { LookupTableLengthError, ParameterMismatchError, ValueOutOfRangeError } from '../errors.js';
import { TOY_PARAMETERS_INSECURE as TOY } from '../testing/toy-parameters.js';
import { deterministicTestValues } from '../testing/deterministic-values.js';
import { initTfhe } from '../wasm-module.js';

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

const values = deterministicTestValues('toy-bootstrap');
const randomTable = (p: number) => Array.from({ length: 2 ** p }, () => values.int(0, 2 ** p));

describe('keyswitch and bootstrap on toy parameters', () => {
  it('keyswitches to the small key keeping every message', () => {
    for (let m = 0; m < 8; m++) {
      const ct = key.encrypt(m);
      const small = evk.keyswitch(ct);
      expect(small.keyKind).toBe('small');
      expect(small.lweDimension).toBe(TOY.lweDimension);
      expect(key.decrypt(small)).toBe(m);
      ct.dispose();
      small.dispose();
    }
  });

  it('bootstraps a small-key ciphertext into a big-key encryption of table[m]', () => {
    const table = randomTable(3);
    for (let m = 0; m < 8; m++) {
      const ct = key.encrypt(m);
      const small = evk.keyswitch(ct);
      const out = evk.bootstrap(small, table);
      expect(out.keyKind).toBe('big');
      expect(key.decrypt(out)).toBe(table[m]);
      for (const c of [ct, small, out]) c.dispose();
    }
  });

  it.each([1, 2, 3])('applies random %i-bit tables to every input (KS + PBS in one call)', (p) => {
    for (let t = 0; t < 3; t++) {
      const table = randomTable(p);
      for (let m = 0; m < 2 ** p; m++) {
        const ct = key.encrypt(m, p);
        const out = evk.applyLookupTable(ct, table);
        expect(key.decrypt(out)).toBe(table[m]);
        ct.dispose();
        out.dispose();
      }
    }
  });

  it('applies a signed table to signed inputs (index = two\'s complement bits)', () => {
    const f = (x: number) => Math.max(-4, Math.min(3, -2 * x + 1));
    const table = Array.from({ length: 8 }, (_, i) => f(i >= 4 ? i - 8 : i));
    for (let x = -4; x < 4; x++) {
      const ct = key.encrypt(x);
      const out = evk.applyLookupTable(ct, table);
      expect(key.decrypt(out, { signed: true })).toBe(f(x));
      ct.dispose();
      out.dispose();
    }
  });

  it('chains lookups: the output of a bootstrap can be bootstrapped again', () => {
    const inc = Array.from({ length: 8 }, (_, i) => (i + 1) % 8);
    let ct = key.encrypt(2);
    for (let i = 0; i < 10; i++) {
      const next = evk.applyLookupTable(ct, inc);
      ct.dispose();
      ct = next;
    }
    expect(key.decrypt(ct)).toBe((2 + 10) % 8);
    ct.dispose();
  });

  it('runs a batch with one shared table or one table per ciphertext', () => {
    const cts = [0, 3, 5, 7].map((m) => key.encrypt(m));
    const square = Array.from({ length: 8 }, (_, i) => (i * i) % 8);
    const shared = evk.applyLookupTableBatch(cts, square);
    expect(shared.map((c) => key.decrypt(c))).toEqual([0, 1, 1, 1]);
    const tables = cts.map((_, i) => Array.from({ length: 8 }, () => i));
    const each = evk.applyLookupTableBatch(cts, tables);
    expect(each.map((c) => key.decrypt(c))).toEqual([0, 1, 2, 3]);
    for (const c of [...cts, ...shared, ...each]) c.dispose();
  });

  it('rejects tables of the wrong length or with out-of-range entries, and foreign ciphertexts', () => {
    const ct = key.encrypt(1);
    expect(() => evk.applyLookupTable(ct, [1, 2, 3])).toThrow(LookupTableLengthError);
    expect(() => evk.applyLookupTable(ct, [0, 1, 2, 3, 4, 5, 6, 8])).toThrow(ValueOutOfRangeError);
    const small = evk.keyswitch(ct);
    expect(() => evk.applyLookupTable(small, new Array(8).fill(0))).toThrow(ParameterMismatchError);
    const otherParams = { ...TOY, name: 'other', lweDimension: 80 };
    const otherKey = ClientKey.generate(otherParams);
    const foreign = otherKey.encrypt(1);
    expect(() => evk.applyLookupTable(foreign, new Array(8).fill(0))).toThrow(ParameterMismatchError);
    for (const c of [ct, small, foreign, otherKey]) c.dispose();
  });
});
