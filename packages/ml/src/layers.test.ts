import { describe, expect, it } from '@jest/globals';
import { broadcastShapes, initTfhe } from './index.js';

describe('the ml layer', () => {
  it('reaches the compiler and, through it, the lower layers', async () => {
    expect(broadcastShapes([4, 1, 3], [2, 1])).toEqual([4, 2, 3]);
    expect((await initTfhe()).torusAdd(1n, 1n)).toBe(2n);
  });
});
