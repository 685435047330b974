import { InvalidConstraintsError } from './errors.js';

/** What a circuit needs from its parameters, as measured by the compiler's passes. */
export interface OptimizerConstraints {
  /** Bits of the widest table-lookup input, 1..8; 0 when the circuit has no lookup. */
  readonly lookupPrecision: number;
  /** Largest 2-norm of the clear weights of a linear combination feeding a lookup (>= 0; default 1). */
  readonly norm2?: number;
  /**
   * Number of table lookups (KS + PBS) the circuit runs (default 1 when lookupPrecision > 0).
   * 0 with lookupPrecision > 0 still sizes the set for such lookups, at no cost.
   */
  readonly lookupCount?: number;
  /** Failure probability allowed per lookup (default 2^-40, unless only globalPError is given). */
  readonly pError?: number;
  /**
   * Failure probability allowed for the whole circuit, split evenly over its lookups and
   * lookup-free outputs: p = 1 - (1 - globalPError)^(1/count). With pError too, both must hold
   * (the smaller per-lookup budget wins), as in Concrete.
   */
  readonly globalPError?: number;
  /** Encrypted results computed without any lookup (they only need to decrypt correctly). */
  readonly lookupFreeOutput?: LookupFreeOutput;
  /** Bits of security of both keys (default 128; other levels need OptimizerOptions.allowedSecurityLevels). */
  readonly securityLevel?: number;
}

/**
 * Fresh or linearly combined encryptions under the big key: decrypting a `precision`-bit
 * value with one padding bit fails when its noise exceeds 2^-(precision+2) of the torus.
 */
export interface LookupFreeOutput {
  /** Bits of the widest such result (1..62). */
  readonly precision: number;
  /** Largest 2-norm of the clear weights that produced it (default 1: a fresh encryption). */
  readonly norm2?: number;
  /** How many such results the circuit decrypts (counts toward globalPError; default 1; 0 = none). */
  readonly count?: number;
  /**
   * Whether these results combine outputs of lookups (noise V_pbs) or only fresh encryptions
   * (noise sigma_glwe^2). Default true when the circuit has lookups: the safe assumption.
   */
  readonly combinesLookupOutputs?: boolean;
}

export const DEFAULT_P_ERROR = 2 ** -40;
export const DEFAULT_SECURITY_LEVEL = 128;

export interface NormalizedOutput {
  readonly precision: number;
  readonly norm2: number;
  readonly count: number;
  /** The results' inputs include bootstrap outputs (false for circuits without lookups). */
  readonly combinesLookupOutputs: boolean;
}

/** Constraints with every default applied and the per-event failure probability derived. */
export interface NormalizedConstraints {
  readonly lookupPrecision: number;
  readonly norm2: number;
  readonly lookupCount: number;
  /** Failure probability each lookup and each lookup-free output must meet. */
  readonly pError: number;
  readonly output: NormalizedOutput | undefined;
  readonly securityLevel: number;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new InvalidConstraintsError(message);
}

function isProbability(p: number): boolean {
  return Number.isFinite(p) && p > 0 && p < 1;
}

/**
 * Splits a circuit-wide failure budget over `count` independent events: the circuit succeeds
 * when all of them do, so 1 - p_global = (1 - p)^count, i.e. p = -expm1(log1p(-p_global)/count)
 * (written with log1p/expm1 so that p_global = 2^-60 does not round to 0).
 */
export function splitGlobalPError(globalPError: number, count: number): number {
  if (!isProbability(globalPError)) throw new InvalidConstraintsError(`globalPError must be in (0, 1), got ${globalPError}`);
  if (!Number.isInteger(count) || count < 1) throw new InvalidConstraintsError(`the event count must be a positive integer, got ${count}`);
  return -Math.expm1(Math.log1p(-globalPError) / count);
}

export function normalizeConstraints(constraints: OptimizerConstraints): NormalizedConstraints {
  const { lookupPrecision, pError, globalPError } = constraints;
  check(
    Number.isInteger(lookupPrecision) && lookupPrecision >= 0 && lookupPrecision <= 62,
    `lookupPrecision must be an integer number of bits from 0 to 62, got ${lookupPrecision}`,
  );
  const norm2 = constraints.norm2 ?? 1;
  check(Number.isFinite(norm2) && norm2 >= 0, `norm2 must be a finite non-negative number, got ${norm2}`);
  const lookupCount = constraints.lookupCount ?? (lookupPrecision > 0 ? 1 : 0);
  check(Number.isInteger(lookupCount) && lookupCount >= 0, `lookupCount must be a non-negative integer, got ${lookupCount}`);
  check(
    lookupPrecision > 0 || lookupCount === 0,
    `${lookupCount} lookups of 0 bits: a lookup reads at least 1 bit (lookupPrecision 0 means no lookup)`,
  );
  const output = normalizeOutput(constraints.lookupFreeOutput, lookupCount > 0);
  check(lookupPrecision > 0 || output !== undefined, 'nothing to optimize: no lookup precision and no lookup-free encrypted output');
  const securityLevel = constraints.securityLevel ?? DEFAULT_SECURITY_LEVEL;
  check(Number.isFinite(securityLevel), `securityLevel must be a number of bits, got ${securityLevel}`);

  if (pError !== undefined) check(isProbability(pError), `pError must be in (0, 1), got ${pError}`);
  let perEvent = pError ?? (globalPError === undefined ? DEFAULT_P_ERROR : 1);
  if (globalPError !== undefined) {
    const events = lookupCount + (output?.count ?? 0);
    perEvent = Math.min(perEvent, events > 0 ? splitGlobalPError(globalPError, events) : globalPError);
  }
  return { lookupPrecision, norm2, lookupCount, pError: perEvent, output, securityLevel };
}

function normalizeOutput(output: LookupFreeOutput | undefined, hasLookups: boolean): NormalizedOutput | undefined {
  if (output === undefined) return undefined;
  const { precision } = output;
  const norm2 = output.norm2 ?? 1;
  const count = output.count ?? 1;
  check(Number.isInteger(precision) && precision >= 1 && precision <= 62, `lookupFreeOutput.precision must be 1..62 bits, got ${precision}`);
  check(Number.isFinite(norm2) && norm2 >= 0, `lookupFreeOutput.norm2 must be a finite non-negative number, got ${norm2}`);
  check(Number.isInteger(count) && count >= 0, `lookupFreeOutput.count must be a non-negative integer, got ${count}`);
  const combinesLookupOutputs = hasLookups && (output.combinesLookupOutputs ?? true);
  return count === 0 ? undefined : { precision, norm2, count, combinesLookupOutputs };
}
