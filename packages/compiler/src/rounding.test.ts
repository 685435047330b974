import { afterAll, describe, expect, it } from '@jest/globals';
import { evaluate, np, roundBitPattern, type NdArray, type Tracer } from '@cml/tracer';
import { compile } from './compile.js';
import { SeededRandom } from './program/seeded-random.js';

const range = (lo: number, hi: number): number[] =>
  Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
// A 7-bit accumulator, rounded to its 3 high bits before a lookup.
const fn = (x: Tracer, y: Tracer) => np.relu(roundBitPattern(x.add(y.mul(3)), 4).sub(48));
const inputset = range(0, 15).flatMap((x) => range(0, 31).map((y) => [x, y]));
const exact = compile(fn, { x: 'encrypted', y: 'encrypted' }, inputset);
const approximate = compile(fn, { x: 'encrypted', y: 'encrypted' }, inputset, {
  rounding: 'approximate',
});

// A dense layer whose 9-bit accumulators are rounded by 5 bits before the activation.
const random = new SeededRandom(1);
const weights = Array.from({ length: 4 }, () => Array.from({ length: 8 }, () => random.int(-7, 7)));
const layer = (x: Tracer) => np.relu(roundBitPattern(np.matmul(weights, x), 5)).floorDivide(32);
const vectors = Array.from({ length: 40 }, () =>
  Array.from({ length: 8 }, () => random.int(0, 15)),
);
const denseLayer = compile(layer, { x: 'encrypted' }, vectors, { rounding: 'approximate' });

describe('roundBitPattern', () => {
  afterAll(async () => {
    await approximate.dispose();
    await denseLayer.dispose();
  });

  it('is exact in both modes on clear and simulated runs', () => {
    for (const sample of inputset.filter((_, i) => i % 37 === 0)) {
      const expected = evaluate(exact.graph, sample)[0]?.toArray();
      expect(exact.simulate(...sample)[0]?.toArray()).toEqual(expected);
      expect(approximate.simulate(...sample)[0]?.toArray()).toEqual(expected);
    }
  });

  it('sizes the approximate mode for the rounded bits only: cheaper parameters', () => {
    expect(exact.program.precision).toBe(approximate.program.precision);
    expect(exact.parameterReport.constraints.lookupPrecision).toBe(exact.program.precision);
    expect(approximate.parameterReport.constraints.lookupPrecision).toBe(
      approximate.program.precision - 4,
    );
    expect(approximate.parameterReport.cost.lookupMs).toBeLessThan(
      exact.parameterReport.cost.lookupMs / 2,
    );
  });

  it('hints at approximate rounding when exact parameters do not exist', () => {
    const wide = (x: Tracer) =>
      np.relu(roundBitPattern(np.matmul(weights, x).mul(16), 9)).floorDivide(512);
    expect(() => compile(wide, { x: 'encrypted' }, vectors)).toThrow(/rounding: 'approximate'/);
    // A bias between the accumulator and the marker shifts the runs without shortening them.
    const biased = compile(
      (x: Tracer) => np.relu(roundBitPattern(np.matmul(weights, x).add(3), 5)),
      { x: 'encrypted' },
      vectors,
      {
        rounding: 'approximate',
      },
    );
    expect(biased.parameterReport.constraints.lookupPrecision).toBe(biased.program.precision - 5);
    expect(
      compile(wide, { x: 'encrypted' }, vectors, { rounding: 'approximate' }).parameterReport
        .constraints.lookupPrecision,
    ).toBeLessThan(6);
  });

  it('runs wide accumulators with lookups sized for the kept bits only', async () => {
    expect(denseLayer.program.precision).toBeGreaterThanOrEqual(9);
    expect(denseLayer.parameterReport.constraints.lookupPrecision).toBe(
      denseLayer.program.precision - 5,
    );
    await denseLayer.keygen();
    for (const x of vectors.slice(0, 4)) {
      const sums = np.matmul(weights, x) as unknown as NdArray;
      const got = (await denseLayer.encryptRunDecrypt(x))[0]?.toArray() ?? [];
      sums.toArray().forEach((sum, i) => {
        const options = [Math.floor(sum / 32), Math.ceil(sum / 32)].map((q) => Math.max(q, 0));
        expect(options).toContain(got[i]);
      });
    }
  });

  it('decrypts f of the input rounded either way near a boundary, exactly elsewhere', async () => {
    await approximate.keygen();
    let exactResults = 0;
    const samples = inputset.filter((_, i) => i % 61 === 0);
    for (const [x, y] of samples as [number, number][]) {
      const accumulator = x + y * 3;
      const got = (await approximate.encryptRunDecrypt(x, y))[0]?.item();
      const down = Math.max(Math.floor(accumulator / 16) * 16 - 48, 0);
      const up = Math.max(Math.ceil(accumulator / 16) * 16 - 48, 0);
      expect([down, up]).toContain(got);
      if (got === evaluate(approximate.graph, [x, y])[0]?.item()) exactResults++;
    }
    expect(exactResults).toBeGreaterThan(samples.length / 2);
  });
});
