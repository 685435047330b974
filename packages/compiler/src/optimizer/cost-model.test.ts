import { describe, expect, it } from '@jest/globals';
import { parameterSets } from '@cml/tfhe-wasm';
import { DEFAULT_COST_MODEL, lookupCost, lookupWork } from './cost-model.js';

describe('lookupWork (concrete-optimizer complexity model)', () => {
  it('counts the work of the 4-bit preset (n 834, k 1, N 2048, l_pbs 1, l_ks 5) by hand', () => {
    const work = lookupWork(parameterSets[3]!);
    expect(work.keyswitchMultiplyAdds).toBe(5 * 2048 * 835);
    // 834 CMUXes of (2 forward + 2 inverse) FFTs of 1024 points (1024 * 10 butterflies each)
    expect(work.fftButterflies).toBe(834 * 4 * 1024 * 10);
    expect(work.fourierMultiplyAdds).toBe(834 * 4 * 1 * 1024);
  });

  it('grows with n, k, N and both levels', () => {
    const base = { lweDimension: 800, glweDimension: 1, polynomialSize: 2048, pbsLevel: 1, ksLevel: 4 };
    const cost = (shape: typeof base): number => lookupCost(shape).lookupMs;
    for (const bigger of [
      { ...base, lweDimension: 801 },
      { ...base, glweDimension: 2 },
      { ...base, polynomialSize: 4096 },
      { ...base, pbsLevel: 2 },
      { ...base, ksLevel: 5 },
    ]) {
      expect(cost(bigger)).toBeGreaterThan(cost(base));
    }
  });
});

describe('lookupCost', () => {
  it('converts work to milliseconds with the model constants', () => {
    const shape = parameterSets[3]!;
    const work = lookupWork(shape);
    const cost = lookupCost(shape, { ...DEFAULT_COST_MODEL, fourierNsPerMultiplyAdd: 0, fftNsPerButterfly: 1, keyswitchNsPerMultiplyAdd: 2 });
    expect(cost.bootstrapMs).toBeCloseTo(work.fftButterflies / 1e6, 9);
    expect(cost.keyswitchMs).toBeCloseTo((2 * work.keyswitchMultiplyAdds) / 1e6, 9);
    expect(cost.lookupMs).toBeCloseTo(cost.bootstrapMs + cost.keyswitchMs, 9);
  });

  it('ranks the presets in order of precision, as their measured times do', () => {
    const costs = parameterSets.map((p) => lookupCost(p).lookupMs);
    for (let i = 3; i < costs.length; i++) expect(costs[i]).toBeGreaterThan(costs[i - 1]!);
  });
});
