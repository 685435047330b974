import { describe, expect, it } from '@jest/globals';
import { digitFeatures } from './digit-features.js';

describe('digitFeatures', () => {
  it('an empty drawing is 64 zeros', () => {
    expect(digitFeatures(() => false, 100, 100)).toEqual(new Array(64).fill(0));
  });

  it('a fully inked square fills every block (16 inked pixels of 16)', () => {
    expect(digitFeatures((x, y) => x >= 40 && x < 60 && y >= 10 && y < 30, 100, 100)).toEqual(new Array(64).fill(16));
  });

  it('a tall bar, wherever it is drawn, is scaled to full height and centred', () => {
    // 4 px wide, 64 px tall: scaled by 1/2 to 2 x 32 bitmap pixels at columns 15 and 16,
    // one column in block 3 and one in block 4: 4 inked pixels per block.
    const features = digitFeatures((x, y) => x >= 200 && x < 204 && y >= 100 && y < 164, 300, 300);
    for (let row = 0; row < 8; row++) {
      expect(features.slice(row * 8, row * 8 + 8)).toEqual([0, 0, 0, 4, 4, 0, 0, 0]);
    }
  });

  it('a stroke in the top half of the box only inks the top rows', () => {
    const features = digitFeatures((x, y) => (y < 10 && x < 40) || (x < 2 && y < 40), 40, 40);
    expect(features.slice(0, 8).every((v) => v > 0)).toBe(true);
    expect(features.slice(16).filter((v, i) => i % 8 !== 0).every((v) => v === 0)).toBe(true);
  });
});
