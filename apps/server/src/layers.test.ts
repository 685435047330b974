import { describe, expect, it } from '@jest/globals';
import { initTfhe } from './index.js';

describe('the server app', () => {
  it('loads the WASM core through @cml/ml', async () => {
    expect((await initTfhe()).torusAdd(2n, 3n)).toBe(5n);
  });
});
