import { CorruptedDataError } from '@cml/compiler';

/**
 * The client's saved secret key, tagged with what it belongs to, so that restoring it under
 * another model, or next to evaluation keys of another key generation, is refused by name:
 *
 *   "CMLK" | u16 version (1) | u32 header length | JSON header | secret key bytes (tfhe-wasm frame)
 *
 * All integers little-endian. The header carries the circuit fingerprint, the parameter set's
 * name and the id of the evaluation keys generated with this secret. Browser-safe (no node:*).
 */
export interface SecretKeyHeader {
  /** Fingerprint of the circuit the key was generated for (`Client.spec.circuit`). */
  readonly circuit: string;
  readonly parameters: string;
  /** Id of the matching evaluation keys (`Client.keyId`). */
  readonly keys: string;
}

const MAGIC = [0x43, 0x4d, 0x4c, 0x4b]; // "CMLK"
const VERSION = 1;
const PREFIX_BYTES = 10;

export function packSecretKey(header: SecretKeyHeader, secret: Uint8Array): Uint8Array {
  const head = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(PREFIX_BYTES + head.length + secret.length);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint16(4, VERSION, true);
  view.setUint32(6, head.length, true);
  out.set(head, PREFIX_BYTES);
  out.set(secret, PREFIX_BYTES + head.length);
  return out;
}

export function unpackSecretKey(bytes: Uint8Array): { header: SecretKeyHeader; secret: Uint8Array } {
  if (!(bytes instanceof Uint8Array) || bytes.length < PREFIX_BYTES || MAGIC.some((m, i) => bytes[i] !== m)) {
    throw new CorruptedDataError('not a cml secret key: the bytes do not start with CMLK');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  if (version !== VERSION) throw new CorruptedDataError(`cml secret key: version ${version} is not supported (this build reads ${VERSION})`);
  const headLength = view.getUint32(6, true);
  if (PREFIX_BYTES + headLength > bytes.length) {
    throw new CorruptedDataError(`cml secret key: the header needs ${headLength} bytes, only ${bytes.length - PREFIX_BYTES} follow (truncated)`);
  }
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headLength)));
  } catch {
    throw new CorruptedDataError('cml secret key: the header is not JSON (the bytes were altered)');
  }
  if (!isHeader(header)) throw new CorruptedDataError('cml secret key: the header lacks circuit, parameters or keys');
  return { header, secret: bytes.slice(PREFIX_BYTES + headLength) };
}

function isHeader(value: unknown): value is SecretKeyHeader {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Record<string, unknown>;
  return typeof h.circuit === 'string' && typeof h.parameters === 'string' && typeof h.keys === 'string';
}
