import { beforeAll, describe, expect, it } from '@jest/globals';
import { ClientKey, initTfhe, noise, parameterSets, securityReport, type EvaluationKeys } from '@cml/tfhe-wasm';
import { lookupCost } from './cost-model.js';
import { optimizeParameters } from './optimize-parameters.js';

/** The 8-bit preset's Fourier bootstrap key is 3.5 GB: compare it under a 4 GiB cap. */
const presetSpace = { maxBootstrapKeyBytes: 2 ** 32 };

describe('known answers: the published tfhe-rs 2^-64 presets', () => {
  const rows = parameterSets.map((preset) => [preset.precision, preset] as const);

  it.each(rows)(
    'for %i-bit lookups at the preset norm, finds a set at least as cheap with p_fail <= 2^-64 and 128-bit keys',
    (precision, preset) => {
      // Same noise model as tfhe-rs's sets: the standard (not centered) modulus switch.
      const { parameters, report } = optimizeParameters(
        { lookupPrecision: precision, norm2: preset.maxNorm2, pError: 2 ** -64 },
        { centeredModulusSwitch: false, searchSpace: presetSpace },
      );
      expect(lookupCost(parameters).lookupMs).toBeLessThanOrEqual(lookupCost(preset).lookupMs);
      expect(noise.log2PFail(parameters, { precision, norm2: preset.maxNorm2 })).toBeLessThanOrEqual(-64);
      expect(report.log2PFail).toBeLessThanOrEqual(-64);
      expect(securityReport(parameters).lwe).toBeGreaterThanOrEqual(128);
      expect(securityReport(parameters).glwe).toBeGreaterThanOrEqual(128);
      expect(report.security.overall).toBeGreaterThanOrEqual(128);
    },
  );

  it('never costs more with the centered modulus switch, which lowers the noise', () => {
    for (const preset of parameterSets) {
      const constraints = { lookupPrecision: preset.precision, norm2: preset.maxNorm2, pError: 2 ** -64 };
      const standard = optimizeParameters(constraints, { centeredModulusSwitch: false, searchSpace: presetSpace });
      const centered = optimizeParameters(constraints, { searchSpace: presetSpace });
      expect(centered.report.cost.lookupMs).toBeLessThanOrEqual(standard.report.cost.lookupMs);
      expect(noise.log2PFail(centered.parameters, { ...constraints, precision: preset.precision, centered: true })).toBeLessThanOrEqual(-64);
    }
  });
});

describe('the chosen set', () => {
  it('is named after its constraints and sized for them', () => {
    const { parameters } = optimizeParameters({ lookupPrecision: 4, norm2: 5 });
    expect(parameters.name).toBe('optimized-p4-nu5-2m40');
    expect(optimizeParameters({ lookupPrecision: 4, norm2: 5 }, { centeredModulusSwitch: false }).parameters.name).toBe(
      'optimized-p4-nu5-2m40-stdms',
    );
    expect(
      optimizeParameters({ lookupPrecision: 4, norm2: 5, securityLevel: 80 }, { allowedSecurityLevels: [80] }).parameters.name,
    ).toBe('optimized-p4-nu5-2m40-80bit');
    expect(parameters.precision).toBe(4);
    expect(parameters.maxNorm2).toBe(5);
    expect(parameters.polynomialSize).toBeGreaterThanOrEqual(2 ** 5);
    expect(parameters.pbsBaseLog * parameters.pbsLevel).toBeLessThanOrEqual(63);
    expect(parameters.ksBaseLog * parameters.ksLevel).toBeLessThanOrEqual(32); // 32-bit keyswitch key
  });

  it('reports the failure probability, security, cost and key sizes of the set', () => {
    const { parameters, report } = optimizeParameters({ lookupPrecision: 3, norm2: 4, lookupCount: 100, pError: 2 ** -30 });
    const { lweDimension: n, glweDimension: k, polynomialSize: N } = parameters;
    expect(report.log2PErrorTarget).toBe(-30);
    expect(report.log2PFail).toBeCloseTo(noise.log2PFail(parameters, { precision: 3, norm2: 4, centered: true }), 9);
    expect(report.log2PFail).toBeLessThanOrEqual(-30);
    // 100 lookups each failing with p: about 100 p in all
    expect(report.log2GlobalPFail).toBeCloseTo(report.log2PFail + Math.log2(100), 3);
    expect(report.cost.totalMs).toBeCloseTo(100 * report.cost.lookupMs, 9);
    expect(report.keySizes.bootstrapKeyBytes).toBe(n * parameters.pbsLevel * (k + 1) ** 2 * N * 8);
    expect(report.keySizes.keyswitchKeyBytes).toBe(k * N * parameters.ksLevel * 4 * Math.ceil((n + 1) / 4) * 4);
    expect(report.security).toEqual(securityReport(parameters));
  });

  it('meets a global p_error over all lookups', () => {
    const { report } = optimizeParameters({ lookupPrecision: 5, norm2: 3, lookupCount: 5000, globalPError: 2 ** -20 });
    expect(report.log2GlobalPFail).toBeLessThanOrEqual(-20);
    expect(report.log2PFail).toBeLessThanOrEqual(Math.log2(2 ** -20 / 5000) + 1e-9);
  });

  it('keeps lookup-free outputs decryptable when they bind, at a higher cost', () => {
    const lookupsOnly = optimizeParameters({ lookupPrecision: 2 });
    const outputVariance = (p: typeof lookupsOnly.parameters): number =>
      1000 ** 2 * Math.max(noise.bootstrapVariance(p), p.glweNoiseStdDev ** 2);
    // An 18-bit sum of 2-norm 1000 would not decrypt reliably on the lookups-only set...
    expect(noise.log2Erfc(2 ** -20 / Math.sqrt(2 * outputVariance(lookupsOnly.parameters)))).toBeGreaterThan(-40);
    const { parameters, report } = optimizeParameters({ lookupPrecision: 2, lookupFreeOutput: { precision: 18, norm2: 1000 } });
    // ...so the optimizer pays for a set on which it does.
    expect(report.outputLog2PFail).toBeLessThanOrEqual(-40);
    expect(noise.log2Erfc(2 ** -20 / Math.sqrt(2 * outputVariance(parameters)))).toBeLessThanOrEqual(-40);
    expect(report.cost.lookupMs).toBeGreaterThan(lookupsOnly.report.cost.lookupMs);
  });

  it('gives a circuit without lookups a working set and no lookup cost', () => {
    const { parameters, report } = optimizeParameters({ lookupPrecision: 0, lookupFreeOutput: { precision: 16, norm2: 50 } });
    expect(parameters.name).toBe('optimized-p0-nu1-2m40-out16');
    expect(parameters.precision).toBe(1);
    expect(report.cost.totalMs).toBe(0);
    expect(report.outputLog2PFail).toBeLessThanOrEqual(-40);
  });

  it('is cheaper when the lookup-free outputs combine only fresh encryptions, and still decrypts them', () => {
    const output = { precision: 12, norm2: 50 };
    const safe = optimizeParameters({ lookupPrecision: 3, norm2: 2, lookupFreeOutput: output });
    const fresh = optimizeParameters({ lookupPrecision: 3, norm2: 2, lookupFreeOutput: { ...output, combinesLookupOutputs: false } });
    expect(fresh.report.cost.lookupMs).toBeLessThan(safe.report.cost.lookupMs);
    expect(noise.log2Erfc(2 ** -14 / (Math.SQRT2 * 50 * fresh.parameters.glweNoiseStdDev))).toBeLessThanOrEqual(-40);
    expect(fresh.report.outputLog2PFail).toBeLessThanOrEqual(-40);
  });

  it('bounds lookup-free outputs of a circuit without lookups by the fresh noise only (40-bit sums)', () => {
    const { parameters, report } = optimizeParameters({ lookupPrecision: 0, lookupFreeOutput: { precision: 40, norm2: 1 } });
    expect(report.outputLog2PFail).toBeLessThanOrEqual(-40);
    expect(noise.log2Erfc(2 ** -42 / (Math.SQRT2 * parameters.glweNoiseStdDev))).toBeLessThanOrEqual(-40);
  });

  it('returns the cached result for the same constraints', () => {
    const a = optimizeParameters({ lookupPrecision: 3, norm2: 2 });
    const b = optimizeParameters({ lookupPrecision: 3, norm2: 2, pError: 2 ** -40, lookupCount: 1 });
    expect(b).toBe(a);
  });

  it('accepts other security levels only when allowed, and is cheaper at 80 bits than at 128', () => {
    const constraints = { lookupPrecision: 4, norm2: 4, securityLevel: 80 };
    expect(() => optimizeParameters(constraints)).toThrow(/security level 80 is not allowed/);
    const low = optimizeParameters(constraints, { allowedSecurityLevels: [80, 128] });
    expect(low.report.security.overall).toBeGreaterThanOrEqual(80);
    expect(low.report.cost.lookupMs).toBeLessThan(optimizeParameters({ ...constraints, securityLevel: 128 }).report.cost.lookupMs);
  });
});

describe('the chosen set runs on @cml/tfhe-wasm', () => {
  let clientKey: ClientKey;
  let keys: EvaluationKeys;
  const constraints = { lookupPrecision: 3, norm2: 2 };

  beforeAll(async () => {
    await initTfhe();
    clientKey = ClientKey.generate(optimizeParameters(constraints).parameters);
    keys = clientKey.evaluationKeys();
  });

  it('reports the key sizes the core actually allocates', () => {
    const { report } = optimizeParameters(constraints);
    expect(keys.bootstrapKeyBytes).toBe(report.keySizes.bootstrapKeyBytes);
    expect(keys.keyswitchKeyBytes).toBe(report.keySizes.keyswitchKeyBytes);
  });

  it('evaluates a 3-bit table on every input of a norm-2 combination 2*x', () => {
    const table = [5, 0, 7, 2, 6, 1, 3, 4];
    for (let x = 0; x < 4; x++) {
      const ct = clientKey.encrypt(x);
      const doubled = ct.add(ct); // 2-norm 2
      const out = keys.applyLookupTable(doubled, table);
      expect(clientKey.decrypt(out)).toBe(table[2 * x]);
      for (const c of [ct, doubled, out]) c.dispose();
    }
  });
});

describe('a 5-bit set on N = 2048 (half the polynomial size of the tfhe-rs 5-bit preset) runs on @cml/tfhe-wasm', () => {
  it('evaluates a 5-bit table on every input of a norm-4 combination', async () => {
    await initTfhe();
    const { parameters } = optimizeParameters({ lookupPrecision: 5, norm2: 4 });
    expect(parameters.polynomialSize).toBe(2048);
    const clientKey = ClientKey.generate(parameters);
    const keys = clientKey.evaluationKeys();
    const table = Array.from({ length: 32 }, (_, i) => (i * 13 + 7) % 32);
    for (let x = 0; x < 8; x++) {
      const ct = clientKey.encrypt(x);
      const scaled = ct.mulScalar(4); // 2-norm 4
      const out = keys.applyLookupTable(scaled, table);
      expect(clientKey.decrypt(out)).toBe(table[4 * x]);
      for (const c of [ct, scaled, out]) c.dispose();
    }
    keys.dispose();
    clientKey.dispose();
  });
});
