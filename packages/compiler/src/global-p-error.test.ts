import { describe, expect, it } from '@jest/globals';
import { np, type Tracer } from '@cml/tracer';
import { compile } from './index.js';

const fn = (x: Tracer) => np.relu(x.sub(3)).sum();
const inputset = [
  [0, 3, 7],
  [7, 6, 1],
  [2, 5, 4],
];

function log2Global(config: { pError?: number; globalPError?: number }): number {
  return Math.log2(compile(fn, { x: 'encrypted' }, inputset, config).statistics.globalPError);
}

describe('failure budgets', () => {
  it('lets a loose globalPError given alone replace the per-lookup default (as in Concrete)', () => {
    const byDefault = compile(fn, { x: 'encrypted' }, inputset);
    const loose = compile(fn, { x: 'encrypted' }, inputset, { globalPError: 2 ** -10 });
    expect(loose.statistics.globalPError).toBeLessThanOrEqual(2 ** -10);
    // Looser than the default's 2^-40 per lookup: cheaper parameters, a larger circuit failure rate.
    expect(loose.statistics.log2PError).toBeGreaterThan(byDefault.statistics.log2PError);
  });

  it('keeps both bounds when pError and globalPError are given', () => {
    expect(log2Global({ pError: 2 ** -40, globalPError: 2 ** -10 })).toBeLessThanOrEqual(-10);
    const both = compile(fn, { x: 'encrypted' }, inputset, { pError: 2 ** -40, globalPError: 2 ** -10 });
    expect(both.statistics.log2PError).toBeLessThanOrEqual(-40);
  });

  it('applies the 2^-40 per-lookup default when no budget is given', () => {
    expect(compile(fn, { x: 'encrypted' }, inputset).statistics.log2PError).toBeLessThanOrEqual(-40);
  });
});
