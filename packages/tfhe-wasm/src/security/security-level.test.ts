import { describe, expect, it } from '@jest/globals';
import type { ParameterSet } from '../params/parameter-set.js';
import { InvalidParameterError } from '../errors.js';
import { parameterSets } from '../params/presets.js';
import { securityCurves } from './security-curves.js';
import { lweSecurityBits, minimalStdDev, securityBits, securityReport } from './security-level.js';

/** The 128-bit line as ARCHITECTURE.md states it, written out independently of the table. */
const log2Sigma128 = (n: number): number => Math.max(-0.025696778711484593 * n + 2.675931372549016, -62);

describe('securityBits', () => {
  it.each(parameterSets.map((p) => [p.name, p] as const))('rates the published set %s at >= 128 bits', (_name, params) => {
    const report = securityReport(params);
    expect(report.lwe).toBeGreaterThanOrEqual(128);
    expect(report.glwe).toBeGreaterThanOrEqual(128);
    expect(securityBits(params)).toBe(Math.min(report.lwe, report.glwe));
  });

  it('puts the LWE part of every published set on the 132-bit curve tfhe-rs sizes its sets with', () => {
    for (const params of parameterSets) expect(securityReport(params).lwe).toBeCloseTo(132, 1);
  });

  it('reports a set with a quarter of the LWE noise below 128 bits, and names the weak part', () => {
    const base = parameterSets[3]!;
    const weak: ParameterSet = { ...base, lweNoiseStdDev: base.lweNoiseStdDev / 4 };
    const report = securityReport(weak);
    expect(report.lwe).toBeLessThan(128);
    expect(report.glwe).toBeGreaterThanOrEqual(128);
    expect(securityBits(weak)).toBe(report.lwe);
  });

  it('reports a GLWE key with too little noise below 128 bits', () => {
    const base = parameterSets[2]!; // k*N = 2048
    const weak: ParameterSet = { ...base, glweNoiseStdDev: 2 ** (log2Sigma128(2048) - 2) };
    expect(securityReport(weak).glwe).toBeLessThan(128);
  });
});

describe('lweSecurityBits', () => {
  it('gives exactly 128 bits on the 128-bit line of ARCHITECTURE.md', () => {
    for (const n of [450, 630, 800, 1024, 1500, 2000]) {
      expect(lweSecurityBits(n, 2 ** log2Sigma128(n))).toBeCloseTo(128, 9);
    }
  });

  it('gives each curve its own level on its line, where the line is above the 2^-62 floor', () => {
    for (const curve of securityCurves) {
      const n = Math.max(curve.minimalDimension, 900);
      const log2Sigma = curve.slope * n + curve.bias;
      if (log2Sigma <= -62) continue;
      expect(lweSecurityBits(n, 2 ** log2Sigma)).toBeCloseTo(curve.bits, 9);
    }
  });

  it('grows with the noise and with the dimension', () => {
    let previous = -1;
    for (let log2Sigma = -40; log2Sigma <= -5; log2Sigma += 0.5) {
      const bits = lweSecurityBits(1024, 2 ** log2Sigma);
      expect(bits).toBeGreaterThanOrEqual(previous);
      previous = bits;
    }
    previous = -1;
    for (let n = 450; n <= 3000; n += 50) {
      const bits = lweSecurityBits(n, 2 ** -20);
      expect(bits).toBeGreaterThanOrEqual(previous);
      previous = bits;
    }
  });

  it('caps at 256 bits and gives 0 for no noise, noise under 2^-62 or a dimension under 450', () => {
    expect(lweSecurityBits(4096, 2 ** -20)).toBe(256);
    expect(lweSecurityBits(4096, 0)).toBe(0);
    expect(lweSecurityBits(32768, 2 ** -63)).toBe(0);
    expect(lweSecurityBits(32768, 2 ** -62)).toBe(256);
    expect(lweSecurityBits(400, 0.01)).toBe(0);
  });

  it('rejects a bad dimension or std dev with InvalidParameterError', () => {
    expect(() => lweSecurityBits(0, 1e-5)).toThrow(InvalidParameterError);
    expect(() => lweSecurityBits(800.5, 1e-5)).toThrow(InvalidParameterError);
    expect(() => lweSecurityBits(800, -1)).toThrow(InvalidParameterError);
    expect(() => lweSecurityBits(800, Number.NaN)).toThrow(InvalidParameterError);
  });
});

describe('minimalStdDev', () => {
  it('follows the 128-bit line of ARCHITECTURE.md, floored at 2^-62', () => {
    for (const n of [450, 777, 1024, 2048, 4096, 65536]) {
      expect(Math.log2(minimalStdDev(n, 128))).toBeCloseTo(log2Sigma128(n), 12);
    }
  });

  it('is the inverse of lweSecurityBits for levels on and between the curves', () => {
    for (const level of [80, 90, 100, 112, 120, 128, 130, 140, 150, 176, 200, 240]) {
      for (const n of [830, 1100]) {
        expect(lweSecurityBits(n, minimalStdDev(n, level))).toBeCloseTo(level, 6);
      }
    }
  });

  it('rejects levels outside 80..256 and dimensions a curve does not cover', () => {
    expect(() => minimalStdDev(1024, 64)).toThrow(InvalidParameterError);
    expect(() => minimalStdDev(1024, 300)).toThrow(InvalidParameterError);
    expect(() => minimalStdDev(700, 256)).toThrow(/starts at n = 826/);
  });
});

describe('securityCurves', () => {
  it('never asks less noise for more security, at any dimension from 450 to 2^17', () => {
    const violations: string[] = [];
    for (let n = 450; n <= 1 << 17; n++) {
      const required = securityCurves.map((c) => (n < c.minimalDimension ? Infinity : Math.max(c.slope * n + c.bias, -62)));
      for (let i = 1; i < required.length; i++) {
        if (required[i]! < required[i - 1]!) violations.push(`n=${n}: ${securityCurves[i]!.bits} bits`);
      }
    }
    expect(violations).toEqual([]);
  });
});
