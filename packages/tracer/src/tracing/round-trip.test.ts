import { describe, expect, it } from '@jest/globals';
import { np } from '../api/np.js';
import { LookupTable } from '../api/extensions.js';
import { slice } from '../api/indexing.js';
import { array } from '../ndarray/constructors.js';
import type { NdArray } from '../ndarray/ndarray.js';
import { evaluate } from '../graph/evaluate.js';
import { checkGraph } from '../graph/check.js';
import { trace } from './trace.js';
import type { Tracer } from './tracer.js';

/** mulberry32: a small seeded generator, so every run builds the same random programs. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Value = Tracer | NdArray;
/** A step of a random program: a function that works on traced and clear values alike. */
type Step = (x: Value, y: Value, pick: () => number) => Value;

const table = new LookupTable(Array.from({ length: 64 }, (_, i) => (i * 7) % 23));

/** Each keeps shape (3, 4) so that steps compose freely. */
const steps: Step[] = [
  (x, y) => np.add(x, y),
  (x, y) => np.subtract(x, y),
  (x, y) => np.multiply(x, np.clip(y, -3, 3)),
  (x, _y, pick) => np.add(x, Math.floor(pick() * 10) - 5),
  (x) => np.negative(x),
  (x) => np.abs(x),
  (x, y) => np.maximum(x, y),
  (x, y) => np.minimum(x, np.multiply(y, 2)),
  (x, y) => np.where(np.greater(x, y), x, y),
  (x, y) => np.add(np.equal(x, y), np.lessEqual(x, 0)),
  (x) => np.floorDivide(x, 3),
  (x) => np.bitwiseAnd(x, 0x1f),
  (x) => np.rightShift(np.abs(x), 1),
  (x) => table.apply(np.clip(x, 0, 63)),
  (x) => np.broadcastTo(np.sum(x, 0, true), [3, 4]),
  (x) => np.subtract(x, np.max(x, 1, true)),
  (x) => np.reshape(np.transpose(np.reshape(x, [4, 3])), [3, 4]),
  (x) => np.concatenate([x.get(slice(1, null)), x.get(slice(0, 1))], 0),
  (x) => np.pad(x.get('1:', '::2'), [[1, 0], [1, 1]], 0).get(':', ':4'),
  (x, y) => np.add(np.clip(np.sum(np.getItem(np.matmul(x, np.transpose(y)), ':', slice(0, 3)), 1, true), -40, 40), x),
  (x) => np.round(np.divide(x, 4)).astype('int'),
  (x) => np.square(np.clip(x, -20, 20)),
  (x) => np.stack([x.get(0), x.get(1), x.get(2)], 0),
  (x) => np.squeeze(np.expandDims(x, [0, 3])),
];

function randomProgram(seed: number, length: number) {
  const pick = seeded(seed);
  const chosen = Array.from({ length }, () => ({ step: steps[Math.floor(pick() * steps.length)] as Step, seed: pick() }));
  return <T extends Value>(x: T, y: T): Value => {
    let value: Value = x;
    for (const { step, seed: s } of chosen) {
      const local = seeded(Math.floor(s * 2 ** 31));
      value = step(value, y, local);
      // Keep values small so deep programs stay in exact range.
      value = np.clip(value, -1000, 1000);
    }
    return value;
  };
}

describe('trace -> evaluate reproduces the function run on NdArrays', () => {
  const inputs = seeded(7);
  const sample = () => array(Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => Math.floor(inputs() * 41) - 20)));

  for (let seed = 1; seed <= 40; seed++) {
    it(`random program #${seed}`, () => {
      const program = randomProgram(seed, 6);
      const graph = checkGraph(trace(program, { x: 'encrypted', y: 'clear' }, { inputShapes: { x: [3, 4], y: [3, 4] } }));
      for (let k = 0; k < 3; k++) {
        const x = sample();
        const y = sample();
        const [traced] = evaluate(graph, [x, y]);
        const clear = program(x, y) as NdArray;
        expect(traced?.shape).toEqual(clear.shape);
        expect(traced?.dtype).toBe(clear.dtype);
        expect(traced?.toArray()).toEqual(clear.toArray());
      }
    });
  }
});
