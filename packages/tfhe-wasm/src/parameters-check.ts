import { InvalidParameterError, ParameterMismatchError } from './errors.js';
import type { ParameterSet } from './params/parameter-set.js';

const FIELDS = [
  'lweDimension',
  'glweDimension',
  'polynomialSize',
  'lweNoiseStdDev',
  'glweNoiseStdDev',
  'pbsBaseLog',
  'pbsLevel',
  'ksBaseLog',
  'ksLevel',
] as const satisfies readonly (keyof ParameterSet)[];

/** Rejects parameter sets the kernels cannot run (they assume powers of two and 64-bit digits). */
export function validateParameterSet(params: ParameterSet): void {
  const { polynomialSize: N, glweDimension: k, lweDimension: n } = params;
  const fail = (why: string): never => {
    throw new InvalidParameterError(`parameter set ${params.name}: ${why}`);
  };
  if (!Number.isInteger(N) || N < 256 || N > 65536 || (N & (N - 1)) !== 0) fail(`N = ${N} is not a power of two in [256, 65536]`);
  if (!Number.isInteger(k) || k < 1 || k > 16) fail(`k = ${k} is not in [1, 16]`);
  if (!Number.isInteger(n) || n < 1 || n > 8192) fail(`n = ${n} is not in [1, 8192]`);
  // The keyswitch key lives on the 32-bit torus (assembly/README.md), so its digits must fit 32 bits.
  for (const [base, level, what, maxBits] of [
    [params.pbsBaseLog, params.pbsLevel, 'PBS', 63],
    [params.ksBaseLog, params.ksLevel, 'KS', 32],
  ] as const) {
    if (!Number.isInteger(base) || !Number.isInteger(level) || base < 1 || level < 1 || base * level > maxBits) {
      fail(`${what} decomposition ${base}/${level} needs integers with base_log*level <= ${maxBits}`);
    }
  }
  if (params.precision < 1 || params.precision > Math.log2(N) - 1) fail(`precision ${params.precision} needs N >= 2^(p+1)`);
}

/** Two parameter sets are the same if every cryptographic field is equal. */
export function sameParameters(a: ParameterSet, b: ParameterSet): boolean {
  return a === b || FIELDS.every((f) => a[f] === b[f]);
}

export function assertSameParameters(a: ParameterSet, b: ParameterSet, what: string): void {
  if (!sameParameters(a, b)) {
    throw new ParameterMismatchError(`${what}: parameter sets differ (${a.name} vs ${b.name})`);
  }
}
