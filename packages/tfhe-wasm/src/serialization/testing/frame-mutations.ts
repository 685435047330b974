import { expect } from '@jest/globals';
import type { ParameterSet } from '../../params/parameter-set.js';
import { decodeFrame, encodeFrame, type FrameKind, type Section } from '../../wire/frame.js';
import { DeserializationError } from '../../wire/wire-errors.js';

/** Deterministic xorshift32, so a failing corruption reproduces (no unseeded platform RNG in crypto code). */
export interface TestRng {
  int(bound: number): number;
  bytes(count: number): Uint8Array;
}

export function testRng(seed: number): TestRng {
  let state = seed >>> 0 || 1;
  const next = (): number => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  return { int: (bound) => next() % bound, bytes: (count) => Uint8Array.from({ length: count }, () => next() & 0xff) };
}

export type Mutation = (frame: Uint8Array, rng: TestRng) => Uint8Array;

/** Corruptions of the raw bytes: what a bad disk, a cut download or a careless copy does. */
export const byteMutations: Record<string, Mutation> = {
  flipBytes: (f, rng) => {
    const copy = f.slice();
    for (let i = 1 + rng.int(8); i > 0; i--) copy[rng.int(copy.length)]! ^= 1 + rng.int(255);
    return copy;
  },
  flipOneBit: (f, rng) => {
    const copy = f.slice();
    copy[rng.int(copy.length)]! ^= 1 << rng.int(8);
    return copy;
  },
  truncate: (f, rng) => f.slice(0, rng.int(f.length)),
  extend: (f, rng) => concat(f, rng.bytes(1 + rng.int(64))),
  cutChunk: (f, rng) => {
    const at = rng.int(f.length);
    return concat(f.subarray(0, at), f.subarray(at + 1 + rng.int(Math.min(64, f.length - at))));
  },
  duplicateChunk: (f, rng) => {
    const at = rng.int(f.length);
    const chunk = f.subarray(at, at + 1 + rng.int(64));
    return concat(f.subarray(0, at), chunk, f.subarray(at));
  },
  overwriteRandom: (f, rng) => {
    const copy = f.slice();
    const at = rng.int(copy.length);
    copy.set(rng.bytes(Math.min(1 + rng.int(16), copy.length - at)), at);
    return copy;
  },
};

/**
 * Frames rebuilt with a valid checksum around damaged content: what a buggy or hostile writer
 * sends. They get past the CRC, so they exercise the structural and value checks. `params`
 * replaces the recorded parameter set.
 */
export function craftedFrame(
  kind: FrameKind,
  frame: Uint8Array,
  edit: (sections: Section[]) => Section[],
  params?: ParameterSet,
): Uint8Array {
  const decoded = decodeFrame(frame, kind);
  return encodeFrame(kind, params ?? decoded.params, edit([...decoded.sections]));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Runs `read` on `count` corruptions of `frame` (mutations taken in turn) and checks that
 * each either throws a DeserializationError or, if the bytes are unchanged, reads back.
 * Returns how many corruptions were rejected.
 */
export function expectOnlyTypedRejections(frame: Uint8Array, count: number, seed: number, read: (bytes: Uint8Array) => { dispose(): void }): number {
  const rng = testRng(seed);
  const names = Object.keys(byteMutations);
  let rejected = 0;
  for (let i = 0; i < count; i++) {
    const name = names[i % names.length]!;
    const corrupted = byteMutations[name]!(frame, rng);
    const unchanged = corrupted.length === frame.length && corrupted.every((b, j) => b === frame[j]);
    let error: unknown;
    try {
      read(corrupted).dispose();
    } catch (caught) {
      error = caught;
    }
    if (unchanged) {
      expect(error).toBeUndefined();
    } else {
      if (!(error instanceof DeserializationError)) throw new Error(`${name} #${i}: expected a DeserializationError, got ${String(error)}`);
      rejected++;
    }
  }
  return rejected;
}

/** The reason of the DeserializationError `read` throws (fails the test if it throws anything else or nothing). */
export function rejectionReason(read: () => unknown): string {
  try {
    const value = read();
    throw new Error(`expected a DeserializationError, got a value: ${String(value)}`);
  } catch (error) {
    if (error instanceof DeserializationError) return error.reason;
    throw error;
  }
}

/** Index of the first byte where a and b differ (-1 if equal): fast, unlike toEqual on megabytes. */
export function firstDifference(a: ArrayBufferView, b: ArrayBufferView): number {
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  if (x.length !== y.length) return Math.min(x.length, y.length);
  return Buffer.compare(x, y) === 0 ? -1 : x.findIndex((byte, i) => byte !== y[i]);
}
