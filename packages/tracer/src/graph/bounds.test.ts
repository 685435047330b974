import { describe, expect, it } from '@jest/globals';
import { np } from '../api/np.js';
import { InputError, NonIntegerValueError } from '../errors.js';
import { trace } from '../tracing/trace.js';
import { integerTypeFor, measureBounds } from './bounds.js';

describe('integerTypeFor', () => {
  it.each([
    [0, 0, 1, false],
    [0, 1, 1, false],
    [0, 7, 3, false],
    [0, 8, 4, false],
    [3, 27, 5, false],
    [-1, 0, 1, true],
    [-2, 1, 2, true],
    [-3, 0, 3, true],
    [-4, 3, 3, true],
    [-4, 4, 4, true],
    [-128, 127, 8, true],
    [-129, 0, 9, true],
  ])('[%d, %d] needs %d bits (signed: %s)', (min, max, bitWidth, signed) => {
    expect(integerTypeFor(min, max)).toEqual({ bitWidth, signed });
  });
});

describe('measureBounds', () => {
  const graph = trace((x, y) => np.subtract(x.mul(3), y).sum(), { x: 'encrypted', y: 'clear' }, { inputShapes: { x: [3], y: [] } });

  it('gives each node its min/max over the inputset and the bits it needs', () => {
    const bounds = measureBounds(graph, [
      [[0, 1, 2], 0],
      [[3, 9, 0], 5],
      [[1, 1, 1], -2],
    ]);
    // nodes: x, y, 3, x*3, x*3 - y, sum
    expect(bounds.map((b) => [b.min, b.max])).toEqual([[0, 9], [-2, 5], [3, 3], [0, 27], [-5, 22], [9, 21]]);
    expect(bounds.map((b) => (b.signed ? `int${b.bitWidth}` : `uint${b.bitWidth}`))).toEqual(['uint4', 'int4', 'uint2', 'uint5', 'int6', 'uint5']);
  });

  it('reports float nodes by range only', () => {
    const g = trace((x) => x.divide(4), { x: 'encrypted' }, { inputShapes: { x: [2] } });
    expect(measureBounds(g, [[1, 6]]).at(-1)).toEqual({ min: 0.25, max: 1.5, dtype: 'float' });
  });

  it('takes a one-input sample as the bare value, like Concrete inputsets', () => {
    const g = trace((x) => x.add(1), { x: 'encrypted' }, { inputShapes: { x: [2] } });
    expect(measureBounds(g, [[1, 2], [5, 3]]).at(-1)).toMatchObject({ min: 2, max: 6 });
  });

  it('rejects empty inputsets and samples of the wrong shape, arity or values', () => {
    expect(() => measureBounds(graph, [])).toThrow(/inputset is empty/);
    expect(() => measureBounds(graph, [[[1, 2, 3], 0], [[1, 2], 0]])).toThrow(/sample 1: .*input 'x' has shape \(2,\), expected \(3,\)/);
    expect(() => measureBounds(graph, [[[1, 2, 3]]])).toThrow(InputError);
    expect(() => measureBounds(graph, [[[1, 2, NaN], 0]])).toThrow(NonIntegerValueError);
  });
});
