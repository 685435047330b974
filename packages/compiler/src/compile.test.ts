import { describe, expect, it } from '@jest/globals';
import { evaluate, np, type NdArray, type Tracer } from '@cml/tracer';
import { compile } from './compile.js';
import { SeededRandom } from './program/seeded-random.js';
import { OutOfBoundsError, UnsupportedOperationError } from './errors.js';

const range = (lo: number, hi: number): number[] =>
  Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
const values = (arrays: NdArray[]): number[][] => arrays.map((a) => a.toArray());

describe('compile', () => {
  it('fuses a univariate float chain (60*sin(x) as int) into one table lookup', () => {
    const circuit = compile(
      (x: Tracer) => np.sin(x).mul(60).astype('int'),
      { x: 'encrypted' },
      range(0, 7),
    );
    expect(circuit.statistics.lookups).toBe(1);
    for (const x of range(0, 7)) {
      expect(values(circuit.simulate(x))).toEqual([[Math.trunc(60 * Math.sin(x))]]);
      expect(values(circuit.clear(x))).toEqual([[Math.trunc(60 * Math.sin(x))]]);
    }
  });

  it('computes a clear-matrix product with a ReLU as linear steps plus one lookup per output', () => {
    const w = [
      [1, -2, 3],
      [-1, 0, 2],
    ];
    const fn = (x: Tracer) => np.relu(np.matmul(w, x));
    const inputset = [
      [0, 0, 0],
      [3, 3, 3],
      [3, 0, 1],
      [0, 3, 0],
    ];
    const circuit = compile(fn, { x: 'encrypted' }, inputset);
    expect(circuit.statistics.lookups).toBe(2);
    for (const x of inputset) {
      expect(values(circuit.simulate(x))).toEqual(values(evaluate(circuit.graph, [x])));
    }
  });

  it('multiplies two encrypted values exactly over their whole range with two lookups', () => {
    const circuit = compile(
      (x: Tracer, y: Tracer) => x.mul(y),
      { x: 'encrypted', y: 'encrypted' },
      [
        [0, -3],
        [7, 4],
      ],
    );
    expect(circuit.statistics.lookups).toBe(2);
    for (const x of range(0, 7))
      for (const y of range(-3, 4)) expect(values(circuit.simulate(x, y))).toEqual([[x * y + 0]]);
  });

  it('lowers max / min reductions and max pooling to trees of pairwise maxima', () => {
    const samples = [
      [
        [0, 3, -2],
        [1, -4, 2],
      ],
      [
        [3, 3, 3],
        [-4, -4, -4],
      ],
      [
        [-1, 2, 0],
        [2, 1, -3],
      ],
    ];
    const reductions = compile(
      (x: Tracer) => [x.max(1), x.min(), x.max(0).add(x.min(0))],
      { x: 'encrypted' },
      samples,
    );
    expect(reductions.statistics.lookups).toBe(2 * 2 + 5 + 3 * 2);
    for (const x of samples)
      expect(values(reductions.simulate(x))).toEqual(values(evaluate(reductions.graph, [x])));
    const images = [0, 1, 2].map((k) => [
      [
        Array.from({ length: 4 }, (_, r) =>
          Array.from({ length: 4 }, (_, c) => ((r * 5 + c * 3 + k * 7) % 8) - 3),
        ),
      ],
    ]);
    const pool = compile(
      (x: Tracer) => np.maxPool2d(x, { kernelShape: 2 }),
      { x: 'encrypted' },
      images,
    );
    expect(pool.statistics.lookups).toBe(4 * 3);
    for (const x of images)
      expect(values(pool.simulate(x))).toEqual(values(evaluate(pool.graph, [x])));
  });

  it('lowers argmax to a tree of comparisons that keeps the first maximum', () => {
    const random = new SeededRandom(5);
    const samples = Array.from({ length: 60 }, () =>
      Array.from({ length: 2 }, () => Array.from({ length: 5 }, () => random.int(-2, 2))),
    );
    const circuit = compile(
      (x: Tracer) => [np.argmax(x), np.argmax(x, 1), np.argmax(x, 0)],
      { x: 'encrypted' },
      samples,
    );
    for (const x of samples)
      expect(values(circuit.simulate(x))).toEqual(values(evaluate(circuit.graph, [x])));
  });

  it('computes means and average pooling as d times the sum and folds the division into the next lookup', () => {
    const samples = [
      [
        [0, 3, -2],
        [1, -4, 2],
      ],
      [
        [3, 3, 3],
        [-4, -4, -4],
      ],
      [
        [-1, 2, 0],
        [2, 1, -3],
      ],
    ];
    const mean = compile(
      (x: Tracer) => np.round(x.mean(1)).astype('int'),
      { x: 'encrypted' },
      samples,
    );
    expect(mean.statistics.lookups).toBe(2);
    for (const x of samples)
      expect(values(mean.simulate(x))).toEqual(values(evaluate(mean.graph, [x])));
    const images = [0, 1, 2].map((k) => [
      [
        Array.from({ length: 4 }, (_, r) =>
          Array.from({ length: 4 }, (_, c) => ((r * 5 + c * 3 + k * 7) % 8) - 3),
        ),
      ],
    ]);
    const pool = compile(
      (x: Tracer) =>
        np
          .relu(np.avgPool2d(x, { kernelShape: 3, stride: 1 }))
          .mul(4)
          .astype('int'),
      { x: 'encrypted' },
      images,
    );
    expect(pool.statistics.lookups).toBe(4);
    for (const x of images)
      expect(values(pool.simulate(x))).toEqual(values(evaluate(pool.graph, [x])));
  });

  it('takes clear arguments as run-time weights and biases of linear steps', () => {
    const inputset = [
      [
        [0, 1, 2],
        [
          [1, -1, 0],
          [2, 0, 1],
        ],
        3,
      ],
      [
        [3, 3, 3],
        [
          [-1, -1, -1],
          [0, 1, 0],
        ],
        -2,
      ],
      [
        [1, 0, 2],
        [
          [2, 1, 0],
          [0, 0, 2],
        ],
        0,
      ],
    ];
    const circuit = compile(
      (x: Tracer, w: Tracer, b: Tracer) => [np.relu(np.matmul(w, x).add(b)), x.mul(b)],
      { x: 'encrypted', w: 'clear', b: 'clear' },
      inputset,
    );
    expect(circuit.program.inputs.map((i) => i.encrypted)).toEqual([true, false, false]);
    for (const sample of inputset)
      expect(values(circuit.simulate(...sample))).toEqual(values(evaluate(circuit.graph, sample)));
    expect(() =>
      circuit.simulate(
        [1, 1, 1],
        [
          [9, 9, 9],
          [0, 0, 0],
        ],
        0,
      ),
    ).toThrow(OutOfBoundsError);
  });

  it('refuses a clear argument inside a table lookup', () => {
    expect(() =>
      compile(
        (x: Tracer, y: Tracer) => np.sin(x).mul(y).astype('int'),
        { x: 'encrypted', y: 'clear' },
        [
          [0, 1],
          [2, 3],
        ],
      ),
    ).toThrow(UnsupportedOperationError);
  });

  it('rejects inputs outside the compiled integer type with OutOfBoundsError', () => {
    const circuit = compile((x: Tracer) => np.relu(x.sub(4)), { x: 'encrypted' }, range(0, 7));
    expect(() => circuit.simulate(8)).toThrow(OutOfBoundsError);
    expect(() => circuit.clear(-1)).toThrow(OutOfBoundsError);
  });

  it('refuses an output that does not depend on encrypted inputs', () => {
    expect(() =>
      compile((x: Tracer, y: Tracer) => [x.add(1), y.mul(2)], { x: 'encrypted', y: 'clear' }, [
        [0, 1],
        [2, 3],
      ]),
    ).toThrow(UnsupportedOperationError);
  });

  it('refuses an encrypted float output', () => {
    expect(() => compile((x: Tracer) => np.sin(x), { x: 'encrypted' }, range(0, 3))).toThrow(
      UnsupportedOperationError,
    );
  });
});
