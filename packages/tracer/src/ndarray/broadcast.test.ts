import { describe, expect, it } from '@jest/globals';
import { ShapeError } from '../errors.js';
import { broadcastShapes } from './broadcast.js';

describe('broadcastShapes', () => {
  it('aligns trailing axes and stretches size-1 axes like numpy', () => {
    expect(broadcastShapes([3, 1, 5], [4, 1])).toEqual([3, 4, 5]);
    expect(broadcastShapes([], [2, 3])).toEqual([2, 3]);
    expect(broadcastShapes([0], [1])).toEqual([0]);
  });

  it('rejects incompatible shapes with an error naming both shapes and the op', () => {
    expect(() => broadcastShapes([2, 3], [4], 'add')).toThrow(ShapeError);
    expect(() => broadcastShapes([2, 3], [4], 'add')).toThrow(/add: shapes \(2, 3\) and \(4,\)/);
  });
});
