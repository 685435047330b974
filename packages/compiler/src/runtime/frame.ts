import { CorruptedDataError } from '../errors.js';
import { fingerprint } from './fingerprint.js';

/**
 * A self-checking byte frame: "CMLF", u32 header length, u32 body length, a JSON header, a
 * binary body, and a 16-hex-digit digest of all of it. Truncation, bit flips and a wrong
 * kind are all reported as CorruptedDataError.
 */
const MAGIC = [0x43, 0x4d, 0x4c, 0x46];
const DIGEST_BYTES = 16;

function digest(bytes: Uint8Array): string {
  // Hash 4 bytes per character: fast enough for megabytes of ciphertexts.
  let text = '';
  const words = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 4 <= bytes.length; i += 4)
    text += String.fromCharCode(words.getUint16(i, true), words.getUint16(i + 2, true));
  for (let i = bytes.length - (bytes.length % 4); i < bytes.length; i++)
    text += String.fromCharCode(bytes[i] as number);
  return fingerprint(text);
}

export function packFrame(
  kind: string,
  header: object,
  body: Uint8Array = new Uint8Array(0),
): Uint8Array {
  const head = new TextEncoder().encode(JSON.stringify({ kind, ...header }));
  const out = new Uint8Array(12 + head.length + body.length + DIGEST_BYTES);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, head.length, true);
  view.setUint32(8, body.length, true);
  out.set(head, 12);
  out.set(body, 12 + head.length);
  const end = 12 + head.length + body.length;
  out.set(new TextEncoder().encode(digest(out.subarray(0, end))), end);
  return out;
}

export function unpackFrame<H>(bytes: Uint8Array, kind: string): { header: H; body: Uint8Array } {
  if (
    !(bytes instanceof Uint8Array) ||
    bytes.length < 12 + DIGEST_BYTES ||
    MAGIC.some((m, i) => bytes[i] !== m)
  ) {
    throw new CorruptedDataError(`not a cml ${kind}: the bytes do not start with a cml frame`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headLength = view.getUint32(4, true);
  const bodyLength = view.getUint32(8, true);
  const end = 12 + headLength + bodyLength;
  if (end + DIGEST_BYTES !== bytes.length) {
    throw new CorruptedDataError(
      `cml ${kind}: expected ${end + DIGEST_BYTES} bytes, got ${bytes.length} (truncated or padded)`,
    );
  }
  if (new TextDecoder().decode(bytes.subarray(end)) !== digest(bytes.subarray(0, end))) {
    throw new CorruptedDataError(
      `cml ${kind}: the checksum does not match (the bytes were altered)`,
    );
  }
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headLength))) as H & {
    kind: string;
  };
  if (header.kind !== kind)
    throw new CorruptedDataError(`expected a cml ${kind}, got a cml ${header.kind}`);
  return { header, body: bytes.slice(12 + headLength, end) };
}
