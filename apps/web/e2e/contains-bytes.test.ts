import { describe, expect, it } from '@jest/globals';
import { containsBytes } from './browser.js';

describe('containsBytes (the secret-key leak check of the browser test)', () => {
  const secret = Uint8Array.from({ length: 64 }, (_, i) => (i * 7) % 2);
  it('finds a window embedded anywhere in a large body', () => {
    const body = new Uint8Array(100_000).fill(3);
    body.set(secret, 77_777);
    expect(containsBytes(body, secret)).toBe(true);
  });

  it('does not find a window that is only partly there', () => {
    const body = new Uint8Array(1000).fill(3);
    body.set(secret.subarray(0, 63), 500);
    expect(containsBytes(body, secret)).toBe(false);
    expect(containsBytes(body.subarray(0, 10), secret)).toBe(false);
  });
});
