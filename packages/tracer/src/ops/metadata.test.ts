import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { NdArray } from '../ndarray/ndarray.js';
import { evaluateOp } from './evaluate-op.js';
import { isLinearIn, type Attrs } from './op.js';
import { opRegistry } from './registry.js';

type Encoded = { shape: number[]; dtype: 'int' | 'float'; data: (number | string)[] };
interface Fixture {
  op: string;
  cases: { name: string; inputs: Encoded[]; attrs: Attrs & { fnName?: string }; expected?: Encoded }[];
}

const directory = new URL('./__fixtures__/', import.meta.url);
const fixtures = readdirSync(directory).map((f) => JSON.parse(readFileSync(new URL(f, directory), 'utf8')) as Fixture);

/** Fixture cases with integer inputs that numpy evaluated without error: inputs for the property checks. */
function intCases(op: string) {
  const fixture = fixtures.find((f) => f.op === op);
  return (fixture?.cases ?? []).filter(
    (c) => c.expected && c.attrs.fnName === undefined && c.inputs.every((x) => x.dtype === 'int'),
  );
}

let state = 12345;
const nextInt = () => {
  state = (state * 1103515245 + 12345) % 2 ** 31;
  return (state % 11) - 5;
};
const build = (x: Encoded, fill: (v: number) => number) => new NdArray(Float64Array.from(x.data as number[], fill), x.shape, 'int');

/** Equal where both are finite (x / 0 and the mean of nothing are outside linear algebra). */
function expectSame(a: NdArray, b: NdArray): void {
  expect(a.shape).toEqual(b.shape);
  a.data.forEach((v, i) => {
    const w = b.data[i] ?? NaN;
    if (Number.isFinite(v) || Number.isFinite(w)) expect(Math.abs(v - w)).toBeLessThan(1e-9 * Math.max(1, Math.abs(v)));
  });
}

const CATEGORIES = ['elementwise-unary', 'elementwise-binary', 'elementwise-ternary', 'comparison', 'reduction', 'linear', 'movement', 'pooling', 'lookup', 'marker'];

describe('op metadata the compiler relies on', () => {
  for (const op of opRegistry().values()) {
    it(`${op.name}: category, arity and linearity claims hold`, () => {
      expect(CATEGORIES).toContain(op.category);
      const arity = typeof op.arity === 'number' ? [op.arity, op.arity] : op.arity;
      expect(arity[0]).toBeLessThanOrEqual(arity[1] ?? 0);
      // "linear in input i" means affine with the others fixed: f(a + b) + f(0) = f(a) + f(b).
      for (const testCase of intCases(op.name)) {
        const arrays = testCase.inputs.map((x) => build(x, (v) => v));
        testCase.inputs.forEach((input, i) => {
          if (!isLinearIn(op, i)) return;
          const other = build(input, () => nextInt());
          const zero = build(input, () => 0);
          const sum = build(input, (v) => v);
          sum.data.forEach((v, k) => (sum.data[k] = v + (other.data[k] ?? 0)));
          const at = (x: NdArray) => evaluateOp(op.name, arrays.map((a, j) => (j === i ? x : a)), testCase.attrs);
          expectSame(at(sum).add(at(zero)), at(arrays[i] as NdArray).add(at(other)));
        });
        if (op.jointlyLinear) {
          const others = testCase.inputs.map((x) => build(x, () => nextInt()));
          const zeros = testCase.inputs.map((x) => build(x, () => 0));
          const sums = arrays.map((a, j) => a.add(others[j] as NdArray));
          const f = (xs: NdArray[]) => evaluateOp(op.name, xs, testCase.attrs);
          expectSame(f(sums).add(f(zeros)), f(arrays).add(f(others)));
        }
      }
    });
  }
});
