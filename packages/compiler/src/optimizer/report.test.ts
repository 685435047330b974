import { describe, expect, it } from '@jest/globals';
import { parameterSets } from '@cml/tfhe-wasm';
import { normalizeConstraints } from './constraints.js';
import { DEFAULT_COST_MODEL } from './cost-model.js';
import { buildReport, lookupLog2PFail } from './report.js';

describe('lookupLog2PFail (known answers)', () => {
  it.each(parameterSets.map((p) => [p.precision, p] as const))(
    'reproduces the log2 p_fail tfhe-rs records for its %i-bit preset within 0.01',
    (precision, preset) => {
      expect(Math.abs(lookupLog2PFail(preset, precision, preset.maxNorm2, false) - preset.recordedLog2PFail!)).toBeLessThan(0.01);
    },
  );
});

describe('buildReport', () => {
  const preset = parameterSets[3]!; // 4 bits, norm 5

  it('adds up the failures of many lookups and outputs (about count * p when p is small)', () => {
    const constraints = normalizeConstraints({ lookupPrecision: 4, norm2: 5, lookupCount: 1024, lookupFreeOutput: { precision: 6, count: 3 } });
    const report = buildReport(preset, constraints, DEFAULT_COST_MODEL, false);
    expect(report.log2GlobalPFail).toBeCloseTo(report.log2PFail + 10, 6); // outputs fail far less often
    expect(report.outputLog2PFail!).toBeLessThan(-1000);
  });

  it('reports no failure at all for a circuit with neither lookups nor outputs to fail', () => {
    const constraints = normalizeConstraints({ lookupPrecision: 4, lookupCount: 0 });
    expect(buildReport(preset, constraints, DEFAULT_COST_MODEL, false).log2GlobalPFail).toBe(Number.NEGATIVE_INFINITY);
  });

  it('keeps a global failure probability that underflows in log space', () => {
    const constraints = normalizeConstraints({ lookupPrecision: 1, lookupCount: 8 });
    const report = buildReport({ ...preset, precision: 1, maxNorm2: 1 }, constraints, DEFAULT_COST_MODEL, false);
    expect(report.log2PFail).toBeLessThan(-1100);
    expect(report.log2GlobalPFail).toBeCloseTo(report.log2PFail + 3, 6);
  });
});
