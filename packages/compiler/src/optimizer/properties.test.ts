import { describe, expect, it } from '@jest/globals';
import { noise, securityReport } from '@cml/tfhe-wasm';
import type { OptimizerConstraints } from './constraints.js';
import { NoParametersError } from './errors.js';
import { optimizeParameters, type OptimizationResult } from './optimize-parameters.js';

/** mulberry32: a small deterministic generator, so that failures reproduce (no unseeded platform RNG here). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomConstraints(random: () => number): OptimizerConstraints {
  const lookupPrecision = 1 + Math.floor(random() * 7); // 1..7
  const withOutput = random() < 0.3;
  return {
    lookupPrecision,
    norm2: 1 + random() * 2 ** (random() * 5), // 1 .. 33
    lookupCount: 1 + Math.floor(random() * 1000),
    pError: 2 ** -(10 + random() * 70), // 2^-10 .. 2^-80
    ...(withOutput ? { lookupFreeOutput: { precision: 1 + Math.floor(random() * 16), norm2: 1 + random() * 100 } } : {}),
  };
}

/** The result, or undefined when nothing fits (allowed, but then it must say so with NoParametersError). */
function tryOptimize(constraints: OptimizerConstraints): OptimizationResult | undefined {
  try {
    return optimizeParameters(constraints);
  } catch (error) {
    expect(error).toBeInstanceOf(NoParametersError);
    return undefined;
  }
}

const cost = (result: OptimizationResult | undefined): number => result?.report.cost.lookupMs ?? Number.POSITIVE_INFINITY;

describe('properties over random constraints (seeded)', () => {
  const random = generator(20261123);
  const cases = Array.from({ length: 40 }, () => randomConstraints(random));

  it('never chooses parameters below 128-bit security and always meets p_error', () => {
    let found = 0;
    for (const constraints of cases) {
      const result = tryOptimize(constraints);
      if (!result) continue;
      found++;
      const { parameters } = result;
      expect(parameters.pbsBaseLog * parameters.pbsLevel).toBeLessThanOrEqual(63);
      expect(parameters.ksBaseLog * parameters.ksLevel).toBeLessThanOrEqual(32);
      const security = securityReport(parameters);
      expect(security.lwe).toBeGreaterThanOrEqual(128);
      expect(security.glwe).toBeGreaterThanOrEqual(128);
      const log2PFail = noise.log2PFail(parameters, { precision: constraints.lookupPrecision, norm2: constraints.norm2!, centered: true });
      expect(log2PFail).toBeLessThanOrEqual(Math.log2(constraints.pError!) + 1e-9);
      const output = constraints.lookupFreeOutput;
      if (output) {
        const variance = output.norm2! ** 2 * Math.max(noise.bootstrapVariance(parameters), parameters.glweNoiseStdDev ** 2);
        const outputLog2PFail = noise.log2Erfc(2 ** -(output.precision + 2) / Math.sqrt(2 * variance));
        expect(outputLog2PFail).toBeLessThanOrEqual(Math.log2(constraints.pError!) + 1e-9);
      }
    }
    expect(found).toBeGreaterThan(cases.length / 2); // the property is not vacuous
  });

  it('never gets cheaper with one more bit of precision', () => {
    for (const c of cases) {
      expect(cost(tryOptimize({ ...c, lookupPrecision: c.lookupPrecision + 1 }))).toBeGreaterThanOrEqual(cost(tryOptimize(c)));
    }
  });

  it('never gets cheaper with a larger norm', () => {
    for (const c of cases) {
      expect(cost(tryOptimize({ ...c, norm2: c.norm2! * 1.7 }))).toBeGreaterThanOrEqual(cost(tryOptimize(c)));
    }
  });

  it('never gets more expensive with a looser p_error', () => {
    for (const c of cases) {
      expect(cost(tryOptimize({ ...c, pError: c.pError! * 2 ** 8 }))).toBeLessThanOrEqual(cost(tryOptimize(c)));
    }
  });

  it('never gets more expensive with a looser global p_error over the same lookups', () => {
    for (const c of cases.slice(0, 15)) {
      const { pError: _, ...rest } = c;
      const tight = tryOptimize({ ...rest, globalPError: 2 ** -30 });
      const loose = tryOptimize({ ...rest, globalPError: 2 ** -20 });
      expect(cost(loose)).toBeLessThanOrEqual(cost(tight));
    }
  });
});
