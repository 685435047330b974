import { describe, expect, it } from '@jest/globals';
import { compile } from './index.js';

const weights = [
  [3, 1],
  [-2, 4],
  [5, -7],
];
const inputset = [
  [1, 2, 3],
  [0, 7, 1],
  [7, 0, 2],
  [5, 5, 5],
];

describe('a circuit without table lookups', () => {
  it('asks the optimizer for no bootstrap margin, so its parameters only size decryption', () => {
    const circuit = compile((x) => x.matmul(weights), { x: 'encrypted' }, inputset);
    expect(circuit.statistics.bootstraps).toBe(0);
    expect(circuit.parameterReport.constraints.lookupPrecision).toBe(0);
    // Sized for decryption only: a far smaller polynomial than a 6-bit bootstrap needs (N = 4096).
    expect(circuit.parameters.polynomialSize).toBeLessThan(4096);
  });

  it('still computes the exact product on encrypted inputs', async () => {
    const circuit = compile((x) => x.matmul(weights), { x: 'encrypted' }, inputset);
    const [result] = await circuit.encryptRunDecrypt([1, 2, 3]);
    expect(result?.toNested()).toEqual([14, -12]);
    await circuit.dispose();
  });
});
