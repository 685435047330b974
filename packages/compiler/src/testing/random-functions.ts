import { broadcastShapes, np, roundBitPattern, type Tracer } from '@cml/tracer';
import { SeededRandom } from '../program/seeded-random.js';

/** A random traced function with its spec and inputset, for differential tests. */
export interface RandomFunction {
  readonly fn: (...inputs: Tracer[]) => Tracer | Tracer[];
  readonly spec: Record<string, 'encrypted'>;
  /** Samples as argument lists. */
  readonly samples: unknown[][];
  /** The same samples as an inputset (a one-input function's sample is the value itself). */
  readonly inputset: unknown[];
  readonly shapes: number[][];
}

const SHAPES = [[], [3], [2, 3]];

function randomTensor(
  random: SeededRandom,
  shape: readonly number[],
  low: number,
  high: number,
): number | number[] | number[][] {
  if (shape.length === 0) return random.int(low, high);
  const [first, ...rest] = shape as [number, ...number[]];
  return Array.from({ length: first }, () => randomTensor(random, rest, low, high)) as
    number[] | number[][];
}

type Unary = (v: Tracer, random: SeededRandom) => Tracer;

const UNARY: readonly Unary[] = [
  (v) => np.relu(v),
  (v) => np.abs(v),
  (v) => v.neg(),
  (v, r) => v.add(r.int(-3, 3)),
  (v, r) => v.mul(r.pick([-2, 2, 3])),
  (v, r) => v.clip(r.int(-2, 0), r.int(1, 3)),
  (v, r) => np.sin(v).mul(r.int(2, 5)).astype('int'),
  (v) => v.floorDivide(2),
  (v) => np.sign(v),
  (v, r) => v.greater(r.int(-1, 2)).astype('int'),
  (v) => v.square().clip(0, 9),
  (v) => np.relu(roundBitPattern(v.add(2), 1)),
  (v) => v.astype('float').mul(0.5).add(0.25).round().astype('int'),
];

const BINARY: readonly ((a: Tracer, b: Tracer) => Tracer)[] = [
  (a, b) => a.add(b),
  (a, b) => a.sub(b),
  (a, b) => a.mul(b),
  (a, b) => np.maximum(a, b),
  (a, b) => np.minimum(a, b),
  (a, b) => a.greater(b).astype('int'),
  (a, b) => a.equal(b).astype('int'),
  (a, b) => np.relu(a.sub(b)).add(b),
  (a, b) => a.astype('float').add(b.astype('float').mul(0.5)).floor().astype('int'),
];

const MOVEMENT_OR_LINEAR: readonly ((v: Tracer, random: SeededRandom) => Tracer | undefined)[] = [
  (v) => (v.shape.length > 0 ? v.sum() : undefined),
  (v) => (v.shape.length > 0 ? v.max() : undefined),
  (v) => (v.shape.length === 2 ? np.argmax(v, 1) : undefined),
  (v, r) => (v.shape.length > 0 ? v.pad(1, r.int(-2, 2)) : undefined),
  (v) => (v.shape.length === 1 ? np.concatenate([v, v.add(1)]) : undefined),
  (v) => (v.shape.length === 2 ? v.min(1) : undefined),
  (v) => (v.shape.length > 0 ? np.floor(v.mean()).astype('int') : undefined),
  (v) => (v.shape.length === 2 ? np.round(v.mean(0).mul(2)).astype('int') : undefined),
  (v) => (v.shape.length === 2 ? v.sum(0) : undefined),
  (v) => (v.shape.length === 2 ? v.transpose() : undefined),
  (v) => (v.shape.length === 2 ? v.flatten() : undefined),
  (v) => (v.shape.length >= 1 ? v.get(0) : undefined),
  (v, r) =>
    v.shape.length === 1 && v.shape[0] === 3
      ? np.matmul(
          [
            [1, -1, r.int(0, 2)],
            [0, 1, 1],
          ],
          v,
        )
      : undefined,
];

/**
 * A function of one or two encrypted inputs (2-bit ranges, shapes [], [3] or [2, 3]) made of
 * 2 to 4 random steps: unary elementwise ops (including float chains ending in astype),
 * binary ops between intermediate values (enc x enc products, comparisons, max/min), sums,
 * matmuls with constants and movements.
 */
export function randomFunction(seed: number): RandomFunction {
  const setup = new SeededRandom(seed);
  const inputCount = setup.int(1, 2);
  const shape = setup.pick(SHAPES);
  const shapes = Array.from({ length: inputCount }, (_, k) =>
    k === 1 && setup.next() < 0.3 ? [] : [...shape],
  );
  const low = setup.int(-2, 1);
  const steps = setup.int(2, 4);
  const spec: Record<string, 'encrypted'> = {};
  shapes.forEach((_, k) => (spec[`x${k}`] = 'encrypted'));
  const samples = Array.from({ length: 8 }, () =>
    shapes.map((s) => randomTensor(setup, s, low, low + 3)),
  );
  const inputset = inputCount === 1 ? samples.map((sample) => sample[0]) : samples;
  const fnSeed = setup.int(0, 2 ** 31);
  const fn = (...inputs: Tracer[]): Tracer | Tracer[] => {
    const random = new SeededRandom(fnSeed);
    const pool = [...inputs];
    for (let step = 0; step < steps; step++) {
      const kind = random.next();
      const v = random.pick(pool);
      if (kind < 0.45) {
        pool.push(random.pick(UNARY)(v, random));
      } else if (kind < 0.8) {
        const w = random.pick(pool);
        const op = random.pick(BINARY);
        try {
          broadcastShapes(v.shape, w.shape);
          pool.push(op(v, w));
        } catch {
          pool.push(op(v, v));
        }
      } else {
        pool.push(random.pick(MOVEMENT_OR_LINEAR)(v, random) ?? np.relu(v));
      }
    }
    const last = pool[pool.length - 1] as Tracer;
    return random.next() < 0.2 ? [last, pool[pool.length - 2] as Tracer] : last;
  };
  return { fn, spec, samples, inputset, shapes };
}
