import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientKey } from '../client-key.js';
import { EvaluationKeys } from '../evaluation-keys.js';
import { initTfhe } from '../wasm-module.js';
import { decodeFrame, FrameKind } from '../wire/frame.js';
import { firstDifference } from './testing/frame-mutations.js';

/** Frames written before evaluation keys could omit the lookup keys (__fixtures__/write-full-key-frames.js). */
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`__fixtures__/full-key-frames.${name}.bin`, import.meta.url)));

let secretBytes: Uint8Array;
let keyBytes: Uint8Array;
let key: ClientKey;
let keys: EvaluationKeys;
beforeAll(async () => {
  await initTfhe();
  secretBytes = fixture('client-key');
  keyBytes = fixture('evaluation-keys');
  key = ClientKey.deserialize(secretBytes);
  keys = EvaluationKeys.deserialize(keyBytes);
});
afterAll(() => {
  keys.dispose();
  key.dispose();
});

describe('evaluation-key frames written before lookup-free keys existed', () => {
  it('hold three sections: mask seed, bootstrap key bodies, keyswitch key bodies', () => {
    const frame = decodeFrame(keyBytes, FrameKind.CompressedEvaluationKeys);
    expect(frame.sections.map((s) => s.type)).toEqual(['seed', 'u64', 'bytes']);
  });

  it('still read as keys with lookups, and write back the same bytes', () => {
    expect(keys.lookups).toBe(true);
    expect(keys.byteLength).toBeGreaterThan(0);
    expect(keys.params.name).toBe('FIXTURE-INSECURE-test-only');
    expect(firstDifference(keys.serialize(), keyBytes)).toBe(-1);
  });

  it('bootstrap with the stored secret key: every 3-bit input through a permutation table', () => {
    const table = [5, 0, 7, 2, 6, 1, 4, 3];
    const decrypted = table.map((_, m) => {
      const ct = key.encrypt(m);
      const out = keys.applyLookupTable(ct, table);
      const value = key.decrypt(out);
      ct.dispose();
      out.dispose();
      return value;
    });
    expect(decrypted).toEqual(table);
  });
});
