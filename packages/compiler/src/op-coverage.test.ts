import { describe, expect, it } from '@jest/globals';
import {
  LookupTable,
  evaluate,
  np,
  opRegistry,
  roundBitPattern,
  truncateBitPattern,
  univariate,
  type NdArray,
  type Tracer,
} from '@cml/tracer';
import { compile } from './compile.js';
import { UnsupportedOperationError } from './errors.js';
import { SeededRandom } from './program/seeded-random.js';

type Case = {
  /** x: encrypted in [-2, 1]; y: encrypted in [0, 3]; both of shape `shape` (default [2, 4]). */
  readonly fn: (x: Tracer, y: Tracer) => Tracer;
  readonly shape?: readonly number[];
  readonly unsupported?: boolean;
};

const int = (t: Tracer): Tracer => t.astype('int');
const table = new LookupTable([5, 3, 0, 1, 4, 2, 7, 6]);
const cube = univariate((v) => v ** 3 - v);
const kernel2d = [
  [
    [
      [1, -1, 0],
      [2, 0, 1],
      [0, 1, -1],
    ],
  ],
  [
    [
      [0, 1, 0],
      [1, -2, 1],
      [0, 1, 0],
    ],
  ],
];
const kernel1d = [
  [
    [1, 0, -1],
    [0, 2, 0],
  ],
  [
    [-1, 1, 1],
    [1, 0, 1],
  ],
];

/** One case per registered op: every op compiles and simulates exactly, or is refused with a typed error. */
const CASES: Readonly<Record<string, Case>> = {
  abs: { fn: (x) => np.abs(x) },
  add: { fn: (x, y) => x.add(y) },
  argmax: { fn: (x) => np.argmax(x, 1) },
  astype: { fn: (x) => int(x.astype('float').mul(1.5)) },
  avgPool2d: { fn: (x) => int(np.floor(np.avgPool2d(x, { kernelShape: 2 }))), shape: [1, 1, 4, 4] },
  bitwiseAnd: { fn: (x, y) => np.bitwiseAnd(x, y) },
  bitwiseNot: { fn: (x) => np.bitwiseNot(x) },
  bitwiseOr: { fn: (x, y) => np.bitwiseOr(x, y) },
  bitwiseXor: { fn: (x, y) => np.bitwiseXor(x, y) },
  broadcastTo: { fn: (x) => np.broadcastTo(x, [2, 3]), shape: [3] },
  ceil: { fn: (x) => int(np.ceil(x.astype('float').div(2))) },
  clip: { fn: (x) => np.clip(x, -1, 0) },
  concatenate: { fn: (x, y) => np.concatenate([x, y]) },
  conv1d: { fn: (x) => np.conv1d(x, kernel1d), shape: [1, 2, 5] },
  conv2d: { fn: (x) => np.conv2d(x, kernel2d), shape: [1, 1, 4, 4] },
  cos: { fn: (x) => int(np.round(np.cos(x).mul(4))) },
  divide: { fn: (x, y) => int(np.floor(x.div(y.add(1)))) },
  dot: { fn: (x) => np.dot(x, [1, -2, 3]), shape: [2, 3] },
  equal: { fn: (x, y) => int(x.equal(y)) },
  erf: { fn: (x) => int(np.round(np.erf(x).mul(3))) },
  exp: { fn: (x) => int(np.round(np.exp(x))) },
  expandDims: { fn: (x) => np.expandDims(x, 0) },
  flatten: { fn: (x) => x.flatten() },
  floor: { fn: (x) => int(np.floor(x.astype('float').mul(0.7))) },
  floorDivide: { fn: (x, y) => x.floorDivide(y.add(1)) },
  getItem: { fn: (x) => x.get(1) },
  greater: { fn: (x, y) => int(x.greater(y)) },
  greaterEqual: { fn: (x, y) => int(x.greaterEqual(y)) },
  leftShift: { fn: (x, y) => np.leftShift(x, y) },
  less: { fn: (x, y) => int(x.less(y)) },
  lessEqual: { fn: (x, y) => int(x.lessEqual(y)) },
  log: { fn: (x) => int(np.round(np.log(x.add(3)).mul(2))) },
  log1p: { fn: (x) => int(np.round(np.log1p(x.add(2)).mul(2))) },
  logicalAnd: { fn: (x, y) => int(np.logicalAnd(x, y)) },
  logicalNot: { fn: (x) => int(np.logicalNot(x)) },
  logicalOr: { fn: (x, y) => int(np.logicalOr(x, y)) },
  lookup: { fn: (x) => table.apply(x.add(2)) },
  matmul: {
    fn: (x) =>
      np.matmul(x, [
        [1, 0],
        [-1, 2],
        [0, 3],
      ]),
    shape: [2, 3],
  },
  max: { fn: (x) => x.max(1) },
  maxPool2d: { fn: (x) => np.maxPool2d(x, { kernelShape: 2 }), shape: [1, 1, 4, 4] },
  maximum: { fn: (x, y) => np.maximum(x, y) },
  mean: { fn: (x) => int(np.round(x.mean(1))) },
  min: { fn: (x) => x.min() },
  minimum: { fn: (x, y) => np.minimum(x, y) },
  multiply: { fn: (x, y) => x.mul(y) },
  negative: { fn: (x) => x.neg() },
  notEqual: { fn: (x, y) => int(x.notEqual(y)) },
  pad: { fn: (x) => x.pad(1, 2) },
  power: { fn: (x, y) => np.power(x, y) },
  relu: { fn: (x) => np.relu(x) },
  reshape: { fn: (x) => x.reshape(4, 2) },
  rightShift: { fn: (x, y) => np.rightShift(x, y) },
  round: { fn: (x) => int(np.round(x.astype('float').mul(0.4))) },
  roundBitPattern: { fn: (x) => roundBitPattern(x.add(2), 1) },
  sigmoid: { fn: (x) => int(np.round(np.sigmoid(x).mul(4))) },
  sign: { fn: (x) => np.sign(x) },
  sin: { fn: (x) => int(np.round(np.sin(x).mul(4))) },
  sqrt: { fn: (x) => int(np.round(np.sqrt(x.add(2)).mul(2))) },
  square: { fn: (x) => np.square(x) },
  squeeze: { fn: (x) => np.squeeze(np.expandDims(x, 0)) },
  stack: { fn: (x, y) => np.stack([x, y]) },
  subtract: { fn: (x, y) => x.sub(y) },
  sum: { fn: (x) => x.sum(0) },
  tan: { fn: (x) => int(np.round(np.tan(x))) },
  tanh: { fn: (x) => int(np.round(np.tanh(x).mul(3))) },
  transpose: { fn: (x) => x.transpose() },
  truncateBitPattern: { fn: (x) => truncateBitPattern(x.add(2), 1) },
  univariate: { fn: (x) => cube(x) },
  where: { fn: (x, y) => np.where(x.greater(0), x, y) },
};

function randomTensor(
  random: SeededRandom,
  shape: readonly number[],
  low: number,
  high: number,
): NdArray | number | number[] {
  const size = shape.reduce((a, b) => a * b, 1);
  const flat = Array.from({ length: size }, () => random.int(low, high));
  const nest = (values: number[], dims: readonly number[]): unknown =>
    dims.length === 0
      ? values[0]
      : Array.from({ length: dims[0] as number }, (_, i) =>
          nest(
            values.slice(
              (i * values.length) / (dims[0] as number),
              ((i + 1) * values.length) / (dims[0] as number),
            ),
            dims.slice(1),
          ),
        );
  return nest(flat, shape) as number[];
}

describe('every registered op', () => {
  it('has a coverage case', () => {
    expect(Object.keys(CASES).sort()).toEqual([...opRegistry().keys()].sort());
  });

  for (const [op, testCase] of Object.entries(CASES)) {
    it(`${op}: ${testCase.unsupported ? 'is refused with UnsupportedOperationError' : 'simulates exactly as the clear evaluation'}`, () => {
      const random = new SeededRandom(op.length * 7919);
      const shape = testCase.shape ?? [2, 4];
      const inputset = Array.from({ length: 6 }, () => [
        randomTensor(random, shape, -2, 1),
        randomTensor(random, shape, 0, 3),
      ]);
      const build = () => compile(testCase.fn, { x: 'encrypted', y: 'encrypted' }, inputset);
      if (testCase.unsupported) {
        expect(build).toThrow(UnsupportedOperationError);
        return;
      }
      const circuit = build();
      for (const sample of inputset) {
        const expected = evaluate(circuit.graph, sample).map((a) => a.toArray().map((v) => v + 0));
        expect(circuit.simulate(...sample).map((a) => a.toArray().map((v) => v + 0))).toEqual(
          expected,
        );
      }
    });
  }
});
