import { afterAll, describe, expect, it } from '@jest/globals';
import { evaluate, np, roundBitPattern, type Tracer } from '@cml/tracer';
import { compile } from '../compile.js';

const inputset = [
  [0, 1, 2, 3],
  [3, 3, 0, 1],
  [2, 0, 1, 3],
];
const weights = [
  [1, -1, 0, 1],
  [0, 1, 1, -1],
  [-1, 0, 1, 0],
  [1, 1, -1, 0],
];
const circuit = compile(
  (x: Tracer) => np.relu(np.matmul(weights, x).sub(1)),
  { x: 'encrypted' },
  inputset,
  { poolSize: 2 },
);

describe('encrypted runs on the worker pool', () => {
  afterAll(async () => {
    await circuit.dispose();
  });

  it('spreads the lookups over the workers and decrypts the clear result, reporting progress', async () => {
    const progress: number[] = [];
    const withProgress = compile(
      (x: Tracer) => np.relu(np.matmul(weights, x).sub(1)),
      { x: 'encrypted' },
      inputset,
      {
        poolSize: 2,
        onProgress: (phase, done) => {
          if (phase === 'run') progress.push(done);
        },
      },
    );
    await circuit.keygen();
    withProgress.client.shareKeysFrom(circuit.client);
    for (const x of inputset) {
      expect((await circuit.encryptRunDecrypt(x))[0]?.toArray()).toEqual(
        evaluate(circuit.graph, [x])[0]?.toArray(),
      );
    }
    expect((await withProgress.encryptRunDecrypt(inputset[0] as number[]))[0]?.toArray()).toEqual(
      evaluate(circuit.graph, [inputset[0] as number[]])[0]?.toArray(),
    );
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBe(withProgress.program.instructions.length);
    await withProgress.dispose();
  });

  it('runs approximate rounded lookups (2^q boxes) on the workers', async () => {
    // Weights times 8 make every accumulator a multiple of 8, so rounding by 3 bits leaves every value at a box
    // centre: the result is exact (the noise stays under half a box but for pError).
    const rounded = compile(
      (x: Tracer) =>
        np.relu(
          roundBitPattern(
            np.matmul(
              weights.map((row) => row.map((w) => 8 * w)),
              x,
            ),
            3,
          ).sub(8),
        ),
      { x: 'encrypted' },
      inputset,
      { poolSize: 2, rounding: 'approximate' },
    );
    const [lookup] = rounded.program.instructions.filter((i) => i.kind === 'lookup');
    expect(lookup && 'tableBits' in lookup ? lookup.tableBits : undefined).toBe(
      rounded.program.precision - 3,
    );
    await rounded.keygen();
    for (const x of inputset) {
      expect((await rounded.encryptRunDecrypt(x))[0]?.toArray()).toEqual(
        evaluate(rounded.graph, [x])[0]?.toArray(),
      );
    }
    await rounded.dispose();
  });
});
