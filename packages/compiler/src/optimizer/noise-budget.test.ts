import { describe, expect, it } from '@jest/globals';
import { inverseErfc, log2DecodingFailure, maxVarianceFor } from './noise-budget.js';

describe('inverseErfc', () => {
  // erfc values from mpmath (50 digits): erfc(0.5), erfc(1), erfc(3), erfc(6).
  it.each([
    [0.4795001221869534, 0.5],
    [0.15729920705028513, 1],
    [2.209049699858544e-5, 3],
    [2.151973671249892e-17, 6],
  ])('inverts erfc = %p at x = %p', (p, x) => {
    expect(inverseErfc(p)).toBeCloseTo(x, 12);
  });

  it('stays accurate deep in the tail (p = 2^-128)', () => {
    const x = inverseErfc(2 ** -128);
    expect(log2DecodingFailure(1, (2 ** -3 / (Math.SQRT2 * x)) ** 2)).toBeCloseTo(-128, 9);
  });
});

describe('maxVarianceFor', () => {
  it.each([
    [1, 2 ** -40],
    [4, 2 ** -64],
    [8, 2 ** -20],
    [30, 2 ** -100],
  ])('gives exactly the target failure probability: %i bits at p = %p', (precision, pError) => {
    expect(log2DecodingFailure(precision, maxVarianceFor(precision, pError))).toBeCloseTo(Math.log2(pError), 9);
  });

  it('shrinks by 4 per extra bit of precision', () => {
    expect(maxVarianceFor(5, 2 ** -40) / maxVarianceFor(6, 2 ** -40)).toBeCloseTo(4, 12);
  });
});
