import { ValueOutOfRangeError } from './errors.js';

/**
 * Encoding of p-bit integers on the torus Z/2^64 with one padding bit:
 *   encode(m) = (m mod 2^p) * Delta,  Delta = 2^(63 - p),
 * so the top bit stays 0 (room for the negacyclic bootstrap). Signed values use two's
 * complement inside the p bits. Decoding rounds the phase to the nearest multiple of Delta.
 */
export const MAX_PRECISION = 16;

export function checkPrecision(precision: number): void {
  if (!Number.isInteger(precision) || precision < 1 || precision > MAX_PRECISION) {
    throw new ValueOutOfRangeError(`precision must be an integer in [1, ${MAX_PRECISION}], got ${precision}`);
  }
}

/** Checks that value fits p bits, signed or unsigned: -2^(p-1) <= value < 2^p. */
export function checkFitsPrecision(value: number | bigint, precision: number, what: string): bigint {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new ValueOutOfRangeError(`${what} must be an integer, got ${value}`);
  }
  const v = BigInt(value);
  const lo = -(1n << BigInt(precision - 1));
  const hi = 1n << BigInt(precision);
  if (v < lo || v >= hi) {
    throw new ValueOutOfRangeError(`${what} ${value} does not fit ${precision} bits (range [${lo}, ${hi - 1n}])`);
  }
  return v;
}

export function encode(value: number | bigint, precision: number): bigint {
  const v = checkFitsPrecision(value, precision, 'value');
  return BigInt.asUintN(precision, v) << BigInt(63 - precision);
}

/** The p-bit message nearest to a phase; `signed` reads it as two's complement. */
export function decode(phase: bigint, precision: number, signed: boolean): number {
  const shift = BigInt(63 - precision);
  const rounded = (BigInt.asUintN(64, phase) + (1n << (shift - 1n))) >> shift;
  const bits = BigInt.asUintN(precision, rounded);
  return Number(signed ? BigInt.asIntN(precision, bits) : bits);
}
