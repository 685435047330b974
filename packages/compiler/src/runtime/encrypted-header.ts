import { CorruptedDataError } from '../errors.js';

/** The JSON header of an encrypted-values frame. */
export interface EncryptedHeader {
  readonly circuit: string;
  readonly keys: string;
  readonly parameters: string;
  readonly precision: number;
  /** 'seeded': seed + bodies; 'full': (a, b) words. Absent in frames written before 'seeded' existed: full. */
  readonly encoding?: 'seeded' | 'full';
  /** Words per ciphertext (kN + 1), full encoding only. */
  readonly words?: number;
  readonly shapes: readonly (readonly number[])[];
  readonly clear: readonly (readonly number[] | null)[] | null;
}

const MAX_PRECISION = 16;
/** More ciphertexts than this in one frame is a damaged header, not a request (2^24 x 8 B = 128 MiB of bodies). */
const MAX_CIPHERTEXTS = 2 ** 24;

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

function fail(problem: string): never {
  throw new CorruptedDataError(`encrypted values: ${problem}`);
}

/** Checks every field's type and range (the frame's digest does not vouch for a well-formed writer). */
export function checkEncryptedHeader(header: EncryptedHeader): void {
  if (typeof header.circuit !== 'string' || typeof header.keys !== 'string' || typeof header.parameters !== 'string')
    fail('circuit, keys and parameters must be strings');
  if (header.encoding !== undefined && header.encoding !== 'seeded' && header.encoding !== 'full')
    fail(`unknown encoding ${JSON.stringify(header.encoding)} (this version reads 'seeded' and 'full')`);
  if (!Array.isArray(header.shapes) || !header.shapes.every((s) => Array.isArray(s) && s.every(isCount)))
    fail('shapes must be arrays of non-negative integers');
  const clear = header.clear;
  if (clear !== null && clear !== undefined) {
    if (!Array.isArray(clear) || clear.length !== header.shapes.length)
      fail('clear must hold one entry per input');
    if (!clear.every((c) => c === null || (Array.isArray(c) && c.every((v) => typeof v === 'number' && Number.isFinite(v)))))
      fail('a clear argument must be null or an array of finite numbers');
  }
  const count = encryptedCount(header);
  if (count > MAX_CIPHERTEXTS) fail(`${count} ciphertexts exceed the ${MAX_CIPHERTEXTS} a frame may hold`);
  if (count > 0 && !(Number.isInteger(header.precision) && header.precision >= 1 && header.precision <= MAX_PRECISION))
    fail(`precision ${header.precision} is not in 1..${MAX_PRECISION}`);
  if (header.encoding !== 'seeded' && count > 0 && !isCount(header.words)) fail('full ciphertexts need a word count');
}

/** Ciphertexts the header's shapes imply (clear arguments have none). */
export function encryptedCount(header: EncryptedHeader): number {
  let count = 0;
  header.shapes.forEach((shape, k) => {
    if (!header.clear?.[k]) count += shape.reduce((a, b) => a * b, 1);
  });
  return count;
}
