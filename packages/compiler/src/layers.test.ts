import { describe, expect, it } from '@jest/globals';
import { broadcastShapes, initTfhe } from './index.js';

describe('the compiler layer', () => {
  it('reaches both lower layers through their public entry points', async () => {
    expect(broadcastShapes([2, 1], [3])).toEqual([2, 3]);
    const tfhe = await initTfhe();
    expect(tfhe.torusAdd(40n, 2n)).toBe(42n);
  });
});
