import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { noise } from '@cml/tfhe-wasm';
import { np, roundBitPattern, type Tracer } from '@cml/tracer';
import { compile } from './compile.js';
import type { LookupInstruction } from './program/program.js';
import { SeededRandom } from './program/seeded-random.js';

// A 12-bit accumulator (four 10-bit features summed), rounded by 8 bits before a lookup whose
// every box differs: 4-bit bootstraps on 12-bit encodings.
const ROWS = 48;
const FEATURES = 4;
const MAX_FEATURE = 850;
const ROUNDED = 8;
const f = (x: Tracer) => {
  const box = roundBitPattern(x.sum(1), ROUNDED).floorDivide(2 ** ROUNDED);
  return box.mul(box);
};
const expected = (sum: number): number => Math.round(sum / 2 ** ROUNDED) ** 2;

/** A row of four features in [0, 850] adding up to `sum`. */
const rowWithSum = (sum: number): number[] =>
  Array.from(
    { length: FEATURES },
    (_, k) => Math.floor(sum / FEATURES) + (k < sum % FEATURES ? 1 : 0),
  );

const random = new SeededRandom(7);
const sample = (): number[][] =>
  Array.from({ length: ROWS }, () =>
    Array.from({ length: FEATURES }, () => random.int(0, MAX_FEATURE)),
  );
const inputset = [
  ...Array.from({ length: 6 }, sample),
  Array.from({ length: ROWS }, () => rowWithSum(0)),
  Array.from({ length: ROWS }, () => rowWithSum(FEATURES * MAX_FEATURE)),
];
const approximate = compile(f, { x: 'encrypted' }, inputset, { rounding: 'approximate' });
const exact = compile(
  (x: Tracer) => np.relu(roundBitPattern(x.sum(1), 4).sub(40)),
  { x: 'encrypted' },
  [[[0, 0, 0, 0]], [[20, 31, 9, 4]]],
);

const lookupsOf = (program: typeof approximate.program): LookupInstruction[] =>
  program.instructions.filter((i): i is LookupInstruction => i.kind === 'lookup');

/** Standard normal tail P(Z > z) (Abramowitz-Stegun 7.1.26 through erfc, error < 1.5e-7). */
function normalTail(z: number): number {
  const x = z / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erfc = poly * Math.exp(-x * x);
  return x >= 0 ? erfc / 2 : 1 - erfc / 2;
}

describe('approximate rounding with lookups sized for the rounded bits', () => {
  beforeAll(async () => {
    await approximate.keygen();
  });
  afterAll(async () => {
    await approximate.dispose();
  });

  it('keeps 12-bit encodings but bootstraps 4-bit tables on 4-bit parameters (N <= 2048)', () => {
    expect(approximate.program.precision).toBe(12);
    const [lookup] = lookupsOf(approximate.program);
    expect(lookup?.tableBits).toBe(4);
    expect(approximate.parameterReport.constraints.lookupPrecision).toBe(4);
    expect(approximate.parameters.polynomialSize).toBeLessThanOrEqual(2048);
    expect(approximate.statistics.lookupsPerPrecision).toEqual({ 4: ROWS });
  });

  it('simulates the exact rounding', () => {
    for (const x of inputset) {
      const sums = x.map((row) => row.reduce((a, b) => a + b, 0));
      expect(approximate.simulate(x)[0]?.toArray()).toEqual(sums.map(expected));
    }
  });

  it('injects failures in simulation as the neighbouring box', () => {
    const sums = Array.from({ length: ROWS }, (_, i) => 300 + ((i * 53) % 2800));
    const got =
      approximate.simulateWith({ pError: 1, seed: 5 }, sums.map(rowWithSum))[0]?.toArray() ?? [];
    sums.forEach((sum, i) => {
      const rounded = Math.round(sum / 2 ** ROUNDED);
      expect([(rounded - 1) ** 2, (rounded + 1) ** 2]).toContain(got[i]);
    });
  });

  it('leaves exact mode on full-precision tables', () => {
    expect(lookupsOf(exact.program).every((lookup) => lookup.tableBits === undefined)).toBe(true);
    expect(exact.parameterReport.constraints.lookupPrecision).toBe(exact.program.precision);
  });

  it('gives f of the rounded value, or of a neighbouring one at the rate the noise model predicts', async () => {
    // Sums within 1.5 sigma of a box boundary, where the noise decides.
    const params = approximate.parameters;
    const P = approximate.program.precision;
    const norm2 = approximate.statistics.maxNorm2;
    const variance =
      norm2 ** 2 * noise.freshBigKeyVariance(params) +
      noise.keyswitchVariance(params) +
      noise.modulusSwitchVariance(params, true);
    const sigma = Math.sqrt(variance) * 2 ** (P + 1); // in units of the 12-bit message
    const box = 2 ** ROUNDED;
    const [lookup] = lookupsOf(approximate.program) as [LookupInstruction];
    const sums: number[] = [];
    for (let i = 0; i < 2 * ROWS; i++) {
      const boundary = box / 2 + box * random.int(0, 12);
      sums.push(boundary + Math.round((random.int(0, 300) / 100 - 1.5) * sigma));
    }
    let predicted = 0;
    let wrong = 0;
    for (let start = 0; start < sums.length; start += ROWS) {
      const batch = sums.slice(start, start + ROWS);
      const got = (await approximate.encryptRunDecrypt(batch.map(rowWithSum)))[0]?.toArray() ?? [];
      batch.forEach((sum, i) => {
        const rounded = Math.round(sum / box);
        // The bootstrap reads index + 1/2 against boundaries at (j + 1/2) boxes of the index.
        const position = sum + lookup.inputOffset + 0.5;
        const j = Math.floor((position + box / 2) / box);
        predicted +=
          normalTail((position - (j * box - box / 2)) / sigma) +
          normalTail((j * box + box / 2 - position) / sigma);
        expect([rounded - 1, rounded, rounded + 1].map((r) => r * r)).toContain(got[i]);
        if (got[i] !== expected(sum)) wrong++;
      });
    }
    // Measured noise agrees with the model within a factor ~1.2 in variance (tfhe-wasm's
    // measured-noise test): allow a third either way, plus four binomial standard deviations.
    expect(predicted).toBeGreaterThan(15);
    expect(wrong).toBeGreaterThanOrEqual(predicted * 0.67 - 4 * Math.sqrt(predicted));
    expect(wrong).toBeLessThanOrEqual(predicted * 1.33 + 4 * Math.sqrt(predicted));
  });
});
