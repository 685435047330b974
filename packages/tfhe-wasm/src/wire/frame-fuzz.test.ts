import { describe, expect, it } from '@jest/globals';
import type { ParameterSet } from '../params/parameter-set.js';
import { parameterSets } from '../params/presets.js';
import { crc64 } from './crc64.js';
import { decodeFrame, encodeFrame, FrameKind, type Section } from './frame.js';
import { DeserializationError } from './wire-errors.js';

/** Deterministic xorshift32 so a failure reproduces (no unseeded platform RNG in crypto code). */
function prng(seed: number): { int(bound: number): number; bytes(n: number): Uint8Array } {
  let state = seed >>> 0 || 1;
  const next = (): number => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  return {
    int: (bound) => next() % bound,
    bytes: (n) => Uint8Array.from({ length: n }, () => next() & 0xff),
  };
}

interface Sample {
  readonly kind: FrameKind;
  readonly params: ParameterSet;
  readonly frame: Uint8Array;
}

const samples: Sample[] = [
  { kind: FrameKind.ClientKey, params: parameterSets[0]!, sections: [] as Section[] },
  {
    kind: FrameKind.CompressedEvaluationKeys,
    params: parameterSets[3]!,
    sections: [
      { type: 'seed', data: new Uint8Array(32).fill(9) },
      { type: 'u64', data: BigUint64Array.from({ length: 300 }, (_, i) => BigInt(i) * 0x9e3779b97f4a7c15n % (1n << 64n)) },
      { type: 'f64', data: Float64Array.from({ length: 50 }, (_, i) => Math.sin(i)) },
    ] as Section[],
  },
  {
    kind: FrameKind.LweCiphertext,
    params: parameterSets[5]!,
    sections: [
      { type: 'bytes', data: Uint8Array.from([1, 2, 3, 4, 5]) },
      { type: 'u64', data: BigUint64Array.from([1n, 2n, 3n]) },
    ] as Section[],
  },
].map(({ kind, params, sections }) => ({ kind, params, frame: encodeFrame(kind, params, sections) }));

type Mutation = (frame: Uint8Array, rng: ReturnType<typeof prng>) => Uint8Array;

const mutations: Record<string, Mutation> = {
  flipBytes: (f, rng) => {
    const copy = f.slice();
    const n = 1 + rng.int(8);
    for (let i = 0; i < n; i++) copy[rng.int(copy.length)]! ^= 1 + rng.int(255);
    return copy;
  },
  flipOneBit: (f, rng) => {
    const copy = f.slice();
    copy[rng.int(copy.length)]! ^= 1 << rng.int(8);
    return copy;
  },
  truncate: (f, rng) => f.slice(0, rng.int(f.length)),
  extend: (f, rng) => Uint8Array.from([...f, ...rng.bytes(1 + rng.int(64))]),
  overwriteHeader: (f, rng) => {
    const copy = f.slice();
    const at = rng.int(Math.min(copy.length, 200));
    copy.set(rng.bytes(Math.min(1 + rng.int(16), copy.length - at)), at);
    return copy;
  },
  cutChunk: (f, rng) => {
    const at = rng.int(f.length);
    const n = 1 + rng.int(Math.min(64, f.length - at));
    return Uint8Array.from([...f.subarray(0, at), ...f.subarray(at + n)]);
  },
  duplicateChunk: (f, rng) => {
    const at = rng.int(f.length);
    const chunk = f.subarray(at, at + 1 + rng.int(32));
    return Uint8Array.from([...f.subarray(0, at), ...chunk, ...f.subarray(at)]);
  },
  randomBodyAfterMagic: (f, rng) => Uint8Array.from([...f.subarray(0, 4), ...rng.bytes(f.length - 4)]),
};

/** Also fixes the declared length and the CRC, as an attacker crafting a frame would. */
function reseal(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 64) return bytes;
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  view.setBigUint64(8, BigInt(copy.length), true);
  view.setBigUint64(copy.length - 8, crc64(copy.subarray(0, copy.length - 8)), true);
  return copy;
}

const equalBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

describe('decodeFrame under fuzzing', () => {
  it('rejects every corrupted, truncated or extended frame with a DeserializationError (8000 cases)', () => {
    const rng = prng(20261123);
    const unexpected: string[] = [];
    let rejected = 0;
    for (let round = 0; round < 8000; round++) {
      const sample = samples[round % samples.length]!;
      const name = Object.keys(mutations)[rng.int(Object.keys(mutations).length)]!;
      const mutated = mutations[name]!(sample.frame, rng);
      if (equalBytes(mutated, sample.frame)) continue;
      try {
        decodeFrame(mutated, sample.kind, sample.params);
        unexpected.push(`round ${round} (${name}): accepted a changed frame`);
      } catch (error) {
        if (error instanceof DeserializationError) rejected++;
        else unexpected.push(`round ${round} (${name}): ${String(error)}`);
      }
    }
    expect(unexpected).toEqual([]);
    expect(rejected).toBeGreaterThan(7500);
  });

  it('on crafted frames (valid length and CRC), either rejects with a typed error or decodes canonically (4000 cases)', () => {
    const rng = prng(42);
    const unexpected: string[] = [];
    let decoded = 0;
    let rejected = 0;
    for (let round = 0; round < 4000; round++) {
      const sample = samples[round % samples.length]!;
      const names = Object.keys(mutations);
      const name = names[rng.int(names.length)]!;
      const crafted = reseal(mutations[name]!(sample.frame, rng));
      try {
        const frame = decodeFrame(crafted, sample.kind);
        // Accepted: it must be exactly the encoding of what was decoded (no hidden bytes).
        const again = encodeFrame(frame.kind, frame.params, frame.sections);
        if (!equalBytes(again, crafted)) unexpected.push(`round ${round} (${name}): accepted a non-canonical frame`);
        decoded++;
      } catch (error) {
        if (error instanceof DeserializationError) rejected++;
        else unexpected.push(`round ${round} (${name}): ${String(error)}`);
      }
    }
    expect(unexpected).toEqual([]);
    expect(rejected).toBeGreaterThan(1000);
    expect(decoded).toBeGreaterThan(100); // payload-only changes are valid frames of other data
  });
});
