import { describe, expect, it } from '@jest/globals';
import { noise, parameterSets } from '@cml/tfhe-wasm';
import {
  bestPbsDecomposition,
  externalProductVariance,
  keyswitchTable,
  keyswitchVariancePerInput,
  modulusSwitchVariance,
} from './decompositions.js';
import { secureStdDev } from './secure-noise.js';

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('the optimizer reuses the noise model of @cml/tfhe-wasm', () => {
  it.each(parameterSets.map((p) => [p.precision, p] as const))('matches every variance term on the %i-bit preset', (_bits, p) => {
    const { lweDimension: n, glweDimension: k, polynomialSize: N } = p;
    const cmux = externalProductVariance(k, N, p.pbsBaseLog, p.pbsLevel, p.glweNoiseStdDev ** 2);
    expect(relative(n * cmux, noise.bootstrapVariance(p))).toBeLessThan(1e-12);
    const ks = k * N * keyswitchVariancePerInput(p.ksBaseLog, p.ksLevel, p.lweNoiseStdDev ** 2);
    expect(relative(ks, noise.keyswitchVariance(p))).toBeLessThan(1e-12);
    for (const centered of [false, true]) {
      expect(relative(modulusSwitchVariance(n, N, centered), noise.modulusSwitchVariance(p, centered))).toBeLessThan(1e-12);
    }
  });
});

describe('best decompositions', () => {
  it('picks the PBS base with the least noise among all bases of the level', () => {
    const glweVariance = secureStdDev(2048, 128)! ** 2;
    for (const level of [1, 2, 3]) {
      const best = bestPbsDecomposition(1, 2048, level, glweVariance, 63);
      for (let baseLog = 1; baseLog * level <= 63; baseLog++) {
        expect(best.variance).toBeLessThanOrEqual(externalProductVariance(1, 2048, baseLog, level, glweVariance));
      }
      expect(best.baseLog * level).toBeLessThanOrEqual(63);
    }
  });

  it('tabulates, for each n, the keyswitch base with the least noise under the minimal secure key noise', () => {
    const table = keyswitchTable(4, 128, 600, 700, 63);
    for (const n of [600, 650, 700]) {
      const sigma = secureStdDev(n, 128)!;
      const i = n - 600;
      for (let baseLog = 1; baseLog * 4 <= 63; baseLog++) {
        expect(table.variance[i]).toBeLessThanOrEqual(keyswitchVariancePerInput(baseLog, 4, sigma * sigma));
      }
      expect(table.variance[i]).toBe(keyswitchVariancePerInput(table.baseLog[i]!, 4, sigma * sigma));
    }
  });

  it('marks dimensions the security curve does not cover as unusable', () => {
    const table = keyswitchTable(3, 128, 440, 460, 63);
    expect(table.variance[0]).toBe(Number.POSITIVE_INFINITY); // n = 440 < 450
    expect(Number.isFinite(table.variance[20]!)).toBe(true);
  });
});
