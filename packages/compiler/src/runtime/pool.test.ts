import { afterAll, describe, expect, it } from '@jest/globals';
import { evaluate, np, type Tracer } from '@cml/tracer';
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
});
