import { describe, expect, it } from '@jest/globals';
import { lweSecurityBits, minimalStdDev } from '@cml/tfhe-wasm';
import { secureStdDev } from './secure-noise.js';

describe('secureStdDev', () => {
  it('reads back at or above the level on the security curve, within 2^-40 of the minimum', () => {
    for (let n = 450; n <= 4096; n += 7) {
      for (const level of [80, 128, 132]) {
        const sigma = secureStdDev(n, level)!;
        expect(lweSecurityBits(n, sigma)).toBeGreaterThanOrEqual(level);
        expect(sigma / minimalStdDev(n, level) - 1).toBeLessThan(2 ** -39);
      }
    }
  });

  it('is undefined below the curve (n < 450)', () => {
    expect(secureStdDev(449, 128)).toBeUndefined();
  });
});
