/**
 * The parameter set as it travels in a frame header, and its fingerprint.
 *
 * Record: the 11 numeric fields below as little-endian f64 (88 bytes), then the name as a u32
 * byte length and UTF-8 bytes, zero-padded to a multiple of 8.
 * Fingerprint: SHA-256 (via @noble/hashes) of "cml/parameter-set/v1" followed by the 88
 * bytes of numbers. SHA-256 rather than a fast non-cryptographic hash because it costs
 * nothing at this size and no two different sets can be made to collide; the name is a label
 * and stays out of it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { ParameterSet } from '../params/parameter-set.js';

type NumericField = Exclude<keyof ParameterSet, 'name' | 'recordedLog2PFail'>;

const NUMERIC_FIELDS: readonly NumericField[] = [
  'precision',
  'lweDimension',
  'glweDimension',
  'polynomialSize',
  'lweNoiseStdDev',
  'glweNoiseStdDev',
  'pbsBaseLog',
  'pbsLevel',
  'ksBaseLog',
  'ksLevel',
  'maxNorm2',
];
const INTEGER_FIELDS = new Set<NumericField>([
  'precision',
  'lweDimension',
  'glweDimension',
  'polynomialSize',
  'pbsBaseLog',
  'pbsLevel',
  'ksBaseLog',
  'ksLevel',
]);

export const NUMBERS_BYTES = NUMERIC_FIELDS.length * 8;
export const FINGERPRINT_BYTES = 32;
const MAX_NAME_BYTES = 1024;
const DOMAIN = new TextEncoder().encode('cml/parameter-set/v1');

const padTo8 = (n: number): number => Math.ceil(n / 8) * 8;

function numbersOf(params: ParameterSet): Uint8Array {
  const bytes = new Uint8Array(NUMBERS_BYTES);
  const view = new DataView(bytes.buffer);
  NUMERIC_FIELDS.forEach((field, i) => view.setFloat64(8 * i, params[field], true));
  return bytes;
}

function fingerprintOfNumbers(numbers: Uint8Array): Uint8Array {
  const input = new Uint8Array(DOMAIN.length + numbers.length);
  input.set(DOMAIN);
  input.set(numbers, DOMAIN.length);
  return sha256(input);
}

/** SHA-256 fingerprint of the numeric fields of a parameter set (32 bytes). */
export function parameterFingerprint(params: ParameterSet): Uint8Array {
  return fingerprintOfNumbers(numbersOf(params));
}

/** A problem with a parameter set, as a sentence; undefined when every field is sound. */
export function parameterSetProblem(params: ParameterSet): string | undefined {
  for (const field of NUMERIC_FIELDS) {
    const value = params[field];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      return `parameter ${field} must be a finite non-negative number, got ${String(value)}`;
    }
    if (INTEGER_FIELDS.has(field) && (!Number.isInteger(value) || value > 2 ** 32)) {
      return `parameter ${field} must be an integer below 2^32, got ${value}`;
    }
  }
  if (typeof params.name !== 'string') return 'parameter name must be a string';
  return undefined;
}

/** The header record of `params`. */
export function encodeParameterRecord(params: ParameterSet): Uint8Array {
  const name = new TextEncoder().encode(params.name);
  if (name.length > MAX_NAME_BYTES) throw new RangeError(`a parameter set name has at most ${MAX_NAME_BYTES} bytes`);
  const record = new Uint8Array(padTo8(NUMBERS_BYTES + 4 + name.length));
  record.set(numbersOf(params));
  new DataView(record.buffer).setUint32(NUMBERS_BYTES, name.length, true);
  record.set(name, NUMBERS_BYTES + 4);
  return record;
}

/** The result of reading a record: the set, or why it is not one. */
export type DecodedRecord = { params: ParameterSet; fingerprint: Uint8Array } | { problem: string };

/** Reads a record that must fill `record` exactly (padding included). */
export function decodeParameterRecord(record: Uint8Array): DecodedRecord {
  if (record.length < NUMBERS_BYTES + 4) return { problem: `parameter record of ${record.length} bytes is too short` };
  const view = new DataView(record.buffer, record.byteOffset, record.byteLength);
  const nameLength = view.getUint32(NUMBERS_BYTES, true);
  if (nameLength > MAX_NAME_BYTES || padTo8(NUMBERS_BYTES + 4 + nameLength) !== record.length) {
    return { problem: `parameter record length ${record.length} does not fit a name of ${nameLength} bytes` };
  }
  for (let i = NUMBERS_BYTES + 4 + nameLength; i < record.length; i++) {
    if (record[i] !== 0) return { problem: 'non-zero padding after the parameter set name' };
  }
  let name: string;
  try {
    name = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(record.subarray(NUMBERS_BYTES + 4, NUMBERS_BYTES + 4 + nameLength));
  } catch {
    return { problem: 'the parameter set name is not valid UTF-8' };
  }
  const fields: Partial<Record<NumericField, number>> = {};
  NUMERIC_FIELDS.forEach((field, i) => (fields[field] = view.getFloat64(8 * i, true)));
  const params = { name, ...fields } as ParameterSet;
  const problem = parameterSetProblem(params);
  if (problem !== undefined) return { problem };
  return { params, fingerprint: fingerprintOfNumbers(record.subarray(0, NUMBERS_BYTES)) };
}
