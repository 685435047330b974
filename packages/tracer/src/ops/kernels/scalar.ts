import { IntegerOverflowError } from '../../errors.js';
import { MAX_EXACT_INTEGER } from '../../ndarray/ndarray.js';

/** rint: round half to even (numpy's `round` and `rint`). */
export function roundHalfEven(v: number): number {
  if (!Number.isFinite(v)) return v;
  const f = Math.floor(v);
  const diff = v - f;
  if (diff < 0.5) return f;
  if (diff > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

/** Floor division of integers, exact for all |a|, |b| < 2^53; numpy returns 0 for b = 0. */
export function floorDivideInt(a: number, b: number): number {
  if (b === 0) return 0;
  let q = Math.floor(a / b);
  const r = a - q * b;
  if (b > 0 ? r < 0 : r > 0) q -= 1;
  else if (b > 0 ? r >= b : r <= b) q += 1;
  return q;
}

/** numpy's float floor division (npy_divmod): floor of the exact quotient, via fmod. */
export function floorDivideFloat(a: number, b: number): number {
  const mod = a % b;
  if (b === 0) return a / b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return Math.sign(a / b) < 0 || Object.is(a / b, -0) ? -0 : 0;
  let floordiv = Math.floor(div);
  if (div - floordiv > 0.5) floordiv += 1;
  return floordiv;
}

/** Integer power by squaring, reporting results beyond 2^53 - 1. */
export function powerInt(base: number, exponent: number): number {
  let result = 1;
  let b = base;
  let e = exponent;
  while (e > 0) {
    if (e % 2 === 1) result *= b;
    e = Math.floor(e / 2);
    if (e > 0) b *= b;
    if (Math.abs(result) > MAX_EXACT_INTEGER || (e > 0 && Math.abs(b) > MAX_EXACT_INTEGER)) {
      throw new IntegerOverflowError(`power: ${base} ** ${exponent} is beyond 2^53 - 1, the range where float64 integers are exact`);
    }
  }
  return result;
}

/** C's pow where it differs from Math.pow: 1 ** anything and (-1) ** ±inf are 1. */
export function powerFloat(base: number, exponent: number): number {
  if (base === 1 || exponent === 0) return 1;
  if (base === -1 && (exponent === Infinity || exponent === -Infinity)) return 1;
  return Math.pow(base, exponent);
}

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/**
 * erf(x) = 2/sqrt(pi) * exp(-x^2) * sum_n 2^n x^(2n+1) / (1*3*...*(2n+1)). Every term is
 * positive, so the sum has no cancellation; beyond |x| = 6, erf is 1 to double precision.
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return x;
  const ax = Math.abs(x);
  if (ax >= 6) return Math.sign(x);
  const x2 = ax * ax;
  let term = ax;
  let sum = ax;
  for (let n = 1; n < 500 && term > sum * 1e-17; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
  }
  const value = TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
  return x < 0 ? -value : value;
}

/** Exact bitwise op on integers below 2^53 in two's complement (JS's | & ^ are 32-bit only). */
export function bitwise(a: number, b: number, op: '&' | '|' | '^'): number {
  const small = (v: number) => v >= -0x80000000 && v <= 0x7fffffff;
  if (small(a) && small(b)) return op === '&' ? a & b : op === '|' ? a | b : a ^ b;
  const x = BigInt(a);
  const y = BigInt(b);
  return Number(op === '&' ? x & y : op === '|' ? x | y : x ^ y);
}
