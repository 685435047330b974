import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientKey } from '../client-key.js';
import { LookupTableLengthError, ParameterMismatchError, ValueOutOfRangeError } from '../errors.js';
import type { EvaluationKeys } from '../evaluation-keys.js';
import { LweCiphertext } from '../lwe-ciphertext.js';
import { getParameterSet } from '../params/get-parameter-set.js';
import { deterministicTestValues } from '../testing/deterministic-values.js';
import { initTfhe, tfheRuntime } from '../wasm-module.js';
import { applyRoundedLookupTableBatch } from './rounded-lookup.js';

// The 128-bit 4-bit preset (N = 2048), with 10-bit messages: 4-bit boxes of 64 messages each.
const P = 10;
const Q = 4;
const BOX = 2 ** (P - Q);
const params = { ...getParameterSet({ precision: 4 }), precision: P, name: 'preset-4bit-msg10' };
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

/** Encrypts m at precision P plus half a P-bit step, so that no message sits on a box boundary. */
function encryptShifted(m: number): LweCiphertext {
  const ct = key.encrypt(m, P);
  tfheRuntime().lweAddPlaintextAssign(ct.ptr, 1n << BigInt(62 - P), ct.lweDimension);
  return ct;
}

function lookups(messages: readonly number[], table: readonly number[], signed = false): number[] {
  const cts = messages.map(encryptShifted);
  const out = applyRoundedLookupTableBatch(evk, cts, table, Q);
  const got = out.map((ct) => key.decrypt(ct, { signed }));
  for (const ct of [...cts, ...out]) ct.dispose();
  return got;
}

describe('rounded lookups (2^q boxes, P-bit encodings)', () => {
  const values = deterministicTestValues('rounded-lookup');

  it('read table[round(m / 2^(P-q))] away from box boundaries, with P-bit outputs', () => {
    const table = Array.from({ length: 2 ** Q }, () => values.int(0, 2 ** P));
    // Box j holds m in [64j - 32, 64j + 31]; the 4-bit set's noise is ~4 messages: 20 is safe.
    const messages = Array.from({ length: 2 ** Q }, (_, j) => j * BOX)
      .flatMap((centre) => [centre - 12, centre, centre + 11])
      .filter((m) => m >= 0);
    const expected = messages.map((m) => table[Math.floor((m + BOX / 2) / BOX)]);
    expect(lookups(messages, table)).toEqual(expected);
  });

  it('keeps signed entries of the wide encoding', () => {
    const table = Array.from({ length: 2 ** Q }, () => values.int(-(2 ** (P - 1)), 2 ** (P - 1)));
    const messages = Array.from({ length: 2 ** Q }, (_, j) => j * BOX + 5);
    expect(lookups(messages, table, true)).toEqual(table);
  });

  it('puts a message next to a boundary in one of the two boxes around it', () => {
    const table = Array.from({ length: 2 ** Q }, (_, j) => j * 37);
    // m = 64j + 31 sits half a message below the boundary between boxes j and j+1.
    const messages = Array.from({ length: 2 ** Q - 1 }, (_, j) => j * BOX + BOX / 2 - 1);
    const got = lookups(messages, table);
    got.forEach((v, j) => expect([table[j], table[j + 1]]).toContain(v));
  });

  it('rejects tables of the wrong length, input bits beyond the message and tables N cannot hold', () => {
    const ct = encryptShifted(3);
    expect(() => applyRoundedLookupTableBatch(evk, [ct], [1, 2, 3], Q)).toThrow(LookupTableLengthError);
    expect(() => applyRoundedLookupTableBatch(evk, [ct], [0, 1], P + 1)).toThrow(ValueOutOfRangeError);
    expect(() => applyRoundedLookupTableBatch(evk, [ct], [[0, 1], [1, 0]], 1)).toThrow(LookupTableLengthError);
    // A 12-bit message (wider than this set's tables) read at 11 bits needs N >= 2^12.
    const wide = new LweCiphertext(tfheRuntime(), params, 'big', 12);
    expect(() => applyRoundedLookupTableBatch(evk, [wide], new Array<number>(2 ** 11).fill(0), 11)).toThrow(
      ParameterMismatchError,
    );
    expect(() => applyRoundedLookupTableBatch(evk, [ct, wide], [0, 1], 1)).toThrow(/precisions differ/);
    wide.dispose();
    ct.dispose();
  });
});
