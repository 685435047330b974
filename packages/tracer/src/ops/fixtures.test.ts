import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { NdArray } from '../ndarray/ndarray.js';
import type { DType } from '../ndarray/dtype.js';
import { evaluateOp, inferOp } from './evaluate-op.js';
import type { Attrs } from './op.js';
import { opRegistry } from './registry.js';

/** Fixtures written by scripts/make-numpy-fixtures.py: numpy's results for each op. */
type Encoded = { shape: number[]; dtype: DType; data: (number | string)[] };
interface FixtureCase {
  name: string;
  inputs: Encoded[];
  attrs: Attrs;
  expected?: Encoded;
  error?: string;
}
interface Fixture {
  op: string;
  cases: FixtureCase[];
}

const directory = new URL('./__fixtures__/', import.meta.url);
const fixtures: Fixture[] = readdirSync(directory)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(new URL(file, directory), 'utf8')) as Fixture);

const decodeValue = (v: number | string): number => (typeof v === 'number' ? v : v === 'nan' ? NaN : v === 'inf' ? Infinity : -Infinity);
const decode = (x: Encoded) => new NdArray(Float64Array.from(x.data, decodeValue), x.shape, x.dtype);

/** The JS twins of the functions the fixture script applies for `univariate`. */
const univariateFunctions: Record<string, (v: number) => number> = {
  cubeMinusX: (v) => v ** 3 - v,
  halfFloor: (v) => Math.floor(v / 2),
  sqrtAbs: (v) => Math.sqrt(Math.abs(v)),
};

function attrsOf(testCase: FixtureCase): Attrs {
  const { fnName, ...rest } = testCase.attrs as { fnName?: string };
  return fnName === undefined ? rest : { ...rest, fn: univariateFunctions[fnName] };
}

/** Equal up to a few ulps of float64 (libm and V8 may differ in the last bits); NaN equals NaN. */
function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i] ?? NaN;
    if (Number.isNaN(e) || !Number.isFinite(e)) {
      expect(a).toBe(e);
      return;
    }
    if (Math.abs(a - e) > 1e-12 * Math.max(1, Math.abs(e))) {
      throw new Error(`value ${i}: expected ${e}, got ${a}`);
    }
  });
}

const OUR_ERRORS = new Set([
  'ShapeError',
  'DTypeError',
  'IntegerOverflowError',
  'NonIntegerValueError',
  'AttributeError',
  'IndexError',
  'GraphError',
]);

describe('every op matches numpy on the committed fixtures', () => {
  for (const fixture of fixtures) {
    describe(fixture.op, () => {
      for (const testCase of fixture.cases) {
        it(testCase.name, () => {
          const inputs = testCase.inputs.map(decode);
          const attrs = attrsOf(testCase);
          const run = () => evaluateOp(fixture.op, inputs, attrs);
          if (testCase.error !== undefined) {
            expect(run).toThrow();
            try {
              run();
            } catch (error) {
              expect(OUR_ERRORS).toContain((error as Error).name);
            }
            return;
          }
          const expected = testCase.expected as Encoded;
          const result = run();
          expect(result.shape).toEqual(expected.shape);
          expect(result.dtype).toBe(expected.dtype);
          const want = expected.data.map(decodeValue);
          if (expected.dtype === 'int') expect(result.toArray()).toEqual(want);
          else expectClose(result.toArray(), want);
          // The rules alone (as at trace time) predict the same shape and dtype, and the
          // canonical attributes they store are a fixed point of normalization.
          const inferred = inferOp(fixture.op, inputs, attrs);
          expect(inferred.shape).toEqual(expected.shape);
          expect(inferred.dtype).toBe(expected.dtype);
          expect(inferOp(fixture.op, inputs, inferred.attrs).attrs).toEqual(inferred.attrs);
        });
      }
    });
  }
});

describe('fixture coverage', () => {
  it('every registered op has numpy fixtures with successful cases', () => {
    const covered = new Map(fixtures.map((f) => [f.op, f.cases.filter((c) => c.expected).length]));
    const missing = [...opRegistry().keys()].filter((name) => (covered.get(name) ?? 0) === 0);
    expect(missing).toEqual([]);
  });

  it('every fixture names a registered op', () => {
    expect(fixtures.map((f) => f.op).filter((op) => !opRegistry().has(op))).toEqual([]);
  });
});
