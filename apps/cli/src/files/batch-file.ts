import { UserError } from '../errors.js';

/**
 * Several encrypted rows in one file (what `cml encrypt` writes and `cml run` / `cml decrypt`
 * read). Each entry is one row's ciphertext bundle from @cml/ml, which checks its own bytes:
 *
 *   "CMLB" | u16 version (1) | u8 kind (1 inputs, 2 results) | u32 count | count x (u32 length | bytes)
 *
 * All integers little-endian; the file ends exactly after the last entry.
 */
export type BatchKind = 'inputs' | 'results';

const MAGIC = [0x43, 0x4d, 0x4c, 0x42]; // "CMLB"
const VERSION = 1;
const KIND_CODES: Record<BatchKind, number> = { inputs: 1, results: 2 };
const HEADER_BYTES = 11;

/** A file that is not a readable batch (wrong magic, version or kind; truncated; trailing bytes). */
export class BatchFileError extends UserError {
  override readonly name = 'BatchFileError';
}

export function packBatch(kind: BatchKind, entries: readonly Uint8Array[]): Uint8Array {
  const size = HEADER_BYTES + entries.reduce((n, e) => n + 4 + e.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint16(4, VERSION, true);
  view.setUint8(6, KIND_CODES[kind]);
  view.setUint32(7, entries.length, true);
  let offset = HEADER_BYTES;
  for (const entry of entries) {
    view.setUint32(offset, entry.length, true);
    out.set(entry, offset + 4);
    offset += 4 + entry.length;
  }
  return out;
}

/** Reads a batch of `kind`; `name` (the file's path) starts every error message. */
export function unpackBatch(bytes: Uint8Array, kind: BatchKind, name: string): Uint8Array[] {
  if (bytes.length < HEADER_BYTES || MAGIC.some((m, i) => bytes[i] !== m)) {
    throw new BatchFileError(`${name} is not a cml batch file (it does not start with CMLB)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  if (version !== VERSION) throw new BatchFileError(`${name}: batch format version ${version} is not supported (this cml reads ${VERSION})`);
  const code = view.getUint8(6);
  if (code !== KIND_CODES[kind]) {
    const found = Object.entries(KIND_CODES).find(([, c]) => c === code)?.[0];
    throw new BatchFileError(`${name} holds ${found === undefined ? `an unknown kind (${code})` : `encrypted ${found}`}, expected encrypted ${kind}`);
  }
  const count = view.getUint32(7, true);
  const entries: Uint8Array[] = [];
  let offset = HEADER_BYTES;
  for (let i = 0; i < count; i++) {
    if (offset + 4 > bytes.length) throw new BatchFileError(`${name} is truncated: entry ${i + 1} of ${count} is missing`);
    const length = view.getUint32(offset, true);
    if (offset + 4 + length > bytes.length) {
      throw new BatchFileError(`${name} is truncated: entry ${i + 1} of ${count} needs ${length} bytes, ${bytes.length - offset - 4} remain`);
    }
    entries.push(bytes.subarray(offset + 4, offset + 4 + length));
    offset += 4 + length;
  }
  if (offset !== bytes.length) throw new BatchFileError(`${name} has ${bytes.length - offset} bytes after its ${count} entries`);
  return entries;
}
