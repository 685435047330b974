import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  evaluate,
  np,
  trace,
  type ClearOperand,
  type NdArray,
  type Sample,
  type Tracer,
} from '@cml/tracer';
import type { Circuit } from './circuit.js';
import { compile, compileGraph } from './compile.js';
import { ParameterSelectionError } from './errors.js';
import { randomFunction } from './testing/random-functions.js';

const plain = (arrays: NdArray[]): number[][] => arrays.map((a) => a.toArray().map((v) => v + 0));

/** Circuits of one precision share keys through one compiled circuit per parameter set: keys are generated once per set. */
const keyOwners = new Map<string, Circuit>();

async function runEncrypted(circuit: Circuit, args: ClearOperand[]): Promise<number[][]> {
  const owner = keyOwners.get(circuit.parameters.name);
  if (owner) circuit.client.shareKeysFrom(owner.client);
  else {
    await circuit.keygen();
    keyOwners.set(circuit.parameters.name, circuit);
  }
  return plain(await circuit.encryptRunDecrypt(...args));
}

describe('encrypted execution with 128-bit parameters', () => {
  beforeAll(async () => {
    const warmUp = compile((x: Tracer) => np.relu(x.sub(2)), { x: 'encrypted' }, [0, 1, 2, 3]);
    await warmUp.keygen();
    keyOwners.set(warmUp.parameters.name, warmUp);
  });

  it('decrypts the clear result of a lookup on a signed value', async () => {
    const circuit = compile(
      (x: Tracer) => np.relu(x.sub(2)).mul(-1),
      { x: 'encrypted' },
      [0, 1, 2, 3],
    );
    for (const x of [0, 1, 3])
      expect(await runEncrypted(circuit, [x])).toEqual([[-Math.max(x - 2, 0) + 0]]);
  });

  it('wraps a lookup outside its window exactly as the wrapping simulation predicts', async () => {
    const circuit = compile(
      (x: Tracer) => [x.mul(5), np.relu(x.mul(5).sub(1))],
      { x: 'encrypted' },
      [0, 1, 2, 3, 4, 5],
    );
    expect(await runEncrypted(circuit, [7])).toEqual(
      plain(circuit.simulateWith({ onOverflow: 'wrap' }, 7)),
    );
  });

  it('encrypts negative values with a consistent padding bit (identity, linear-only and lookup outputs)', async () => {
    const circuit = compile(
      (x: Tracer) => [x, x.sub(3), np.abs(x.mul(2).add(1))],
      { x: 'encrypted' },
      [-3, -1, 0, 2],
    );
    for (const x of [-3, -2, 2])
      expect(await runEncrypted(circuit, [x])).toEqual(plain(evaluate(circuit.graph, [x])));
  });

  it('computes argmax on ciphertexts', async () => {
    const inputset = [
      [0, 3, 1, 3],
      [2, 0, 1, 1],
      [1, 1, 2, 0],
      [0, 0, 0, 3],
    ];
    const circuit = compile((x: Tracer) => np.argmax(x), { x: 'encrypted' }, inputset);
    for (const x of inputset.slice(0, 2))
      expect(await runEncrypted(circuit, [x])).toEqual(plain(evaluate(circuit.graph, [x])));
  });

  it('runs clear arguments beside encrypted ones', async () => {
    const inputset = [
      [
        [0, 1],
        [
          [1, -1],
          [1, 1],
        ],
      ],
      [
        [3, 2],
        [
          [0, 1],
          [-1, 1],
        ],
      ],
    ];
    const circuit = compile(
      (x: Tracer, w: Tracer) => np.relu(np.matmul(w, x)),
      { x: 'encrypted', w: 'clear' },
      inputset,
    );
    for (const sample of inputset)
      expect(await runEncrypted(circuit, sample)).toEqual(plain(evaluate(circuit.graph, sample)));
  });

  it('matches the clear evaluation of random functions', async () => {
    let checked = 0;
    for (let seed = 1000; checked < 12 && seed < 1100; seed++) {
      const { fn, spec, inputset, samples } = randomFunction(seed);
      const graph = trace(fn, spec, { inputset: inputset as Sample[] });
      let circuit: Circuit;
      try {
        circuit = compileGraph(graph, inputset as Sample[]);
      } catch (error) {
        if (error instanceof ParameterSelectionError) continue;
        throw error;
      }
      if (circuit.program.precision > 4 || circuit.statistics.lookups > 12) continue;
      const sample = samples[0] as ClearOperand[];
      expect({ seed, result: await runEncrypted(circuit, sample) }).toEqual({
        seed,
        result: plain(evaluate(graph, sample)),
      });
      checked++;
    }
    expect(checked).toBe(12);
  });
});
