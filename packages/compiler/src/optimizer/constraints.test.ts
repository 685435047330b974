import { describe, expect, it } from '@jest/globals';
import { DEFAULT_P_ERROR, normalizeConstraints, splitGlobalPError } from './constraints.js';
import { InvalidConstraintsError } from './errors.js';

describe('splitGlobalPError', () => {
  it('gives the per-event probability p with 1 - (1 - p)^count = p_global', () => {
    for (const [global, count] of [
      [0.01, 10],
      [2 ** -20, 1000],
      [0.5, 3],
    ] as const) {
      const p = splitGlobalPError(global, count);
      expect(1 - (1 - p) ** count).toBeCloseTo(global, 12);
    }
  });

  it('does not round tiny global budgets to 0 (2^-60 over 100 lookups is about 2^-60 / 100)', () => {
    expect(splitGlobalPError(2 ** -60, 100) / (2 ** -60 / 100)).toBeCloseTo(1, 12);
    expect(splitGlobalPError(0.3, 1)).toBeCloseTo(0.3, 15);
  });
});

describe('normalizeConstraints', () => {
  it('applies the defaults: norm 1, one lookup, p_error 2^-40, 128 bits', () => {
    expect(normalizeConstraints({ lookupPrecision: 3 })).toEqual({
      lookupPrecision: 3,
      norm2: 1,
      lookupCount: 1,
      pError: DEFAULT_P_ERROR,
      output: undefined,
      securityLevel: 128,
    });
  });

  it('splits globalPError over the lookups and the lookup-free outputs', () => {
    const c = normalizeConstraints({ lookupPrecision: 4, lookupCount: 6, globalPError: 0.001, lookupFreeOutput: { precision: 10, count: 4 } });
    expect(c.pError).toBeCloseTo(splitGlobalPError(0.001, 10), 18);
    expect(c.output).toEqual({ precision: 10, norm2: 1, count: 4, combinesLookupOutputs: true });
  });

  it('sizes a set for lookups even when the circuit runs none (lookupCount 0), with globalPError as is', () => {
    expect(normalizeConstraints({ lookupPrecision: 4, lookupCount: 0, globalPError: 0.01 })).toMatchObject({ lookupCount: 0, pError: 0.01 });
  });

  it('ignores lookup-free outputs whose count is 0', () => {
    expect(normalizeConstraints({ lookupPrecision: 3, lookupFreeOutput: { precision: 30, count: 0 } }).output).toBeUndefined();
  });

  it('meets both pError and globalPError when both are given', () => {
    const split = splitGlobalPError(2 ** -20, 1000);
    expect(normalizeConstraints({ lookupPrecision: 4, lookupCount: 1000, pError: 2 ** -40, globalPError: 2 ** -20 }).pError).toBe(2 ** -40);
    expect(normalizeConstraints({ lookupPrecision: 4, lookupCount: 1000, pError: 2 ** -20, globalPError: 2 ** -20 }).pError).toBe(split);
  });

  it.each([
    [{ lookupPrecision: -1 }, /lookupPrecision/],
    [{ lookupPrecision: 2.5 }, /lookupPrecision/],
    [{ lookupPrecision: 4, norm2: -3 }, /norm2/],
    [{ lookupPrecision: 4, norm2: Number.POSITIVE_INFINITY }, /norm2/],
    [{ lookupPrecision: 0, lookupCount: 3 }, /lookups of 0 bits/],
    [{ lookupPrecision: 0 }, /nothing to optimize/],
    [{ lookupPrecision: 4, pError: 0 }, /pError/],
    [{ lookupPrecision: 4, pError: 1.5 }, /pError/],
    [{ lookupPrecision: 4, globalPError: 0 }, /globalPError/],
    [{ lookupPrecision: 0, lookupFreeOutput: { precision: 0 } }, /lookupFreeOutput.precision/],
    [{ lookupPrecision: 0, lookupFreeOutput: { precision: 8, norm2: Number.NaN } }, /lookupFreeOutput.norm2/],
  ])('rejects %j with InvalidConstraintsError', (constraints, message) => {
    expect(() => normalizeConstraints(constraints)).toThrow(InvalidConstraintsError);
    expect(() => normalizeConstraints(constraints)).toThrow(message);
  });
});
