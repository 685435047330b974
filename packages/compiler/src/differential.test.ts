import { describe, expect, it } from '@jest/globals';
import { evaluate, trace, type ClearOperand, type NdArray, type Sample } from '@cml/tracer';
import { compileGraph } from './compile.js';
import { ParameterSelectionError } from './errors.js';
import { randomFunction } from './testing/random-functions.js';

const plain = (arrays: NdArray[]): number[][] => arrays.map((a) => a.toArray().map((v) => v + 0));

describe('random traced functions', () => {
  it('simulate and clear execution equal the graph evaluation on every inputset sample', () => {
    let compiled = 0;
    let tooWide = 0;
    for (let seed = 0; seed < 300; seed++) {
      const { fn, spec, inputset, samples } = randomFunction(seed);
      const graph = trace(fn, spec, { inputset: inputset as Sample[] });
      let circuit;
      try {
        circuit = compileGraph(graph, inputset as Sample[]);
      } catch (error) {
        if (error instanceof ParameterSelectionError) {
          tooWide++;
          continue;
        }
        throw new Error(`seed ${seed}: ${(error as Error).message}`);
      }
      compiled++;
      for (const sample of samples as ClearOperand[][]) {
        const expected = plain(evaluate(graph, sample));
        expect({ seed, result: plain(circuit.simulate(...sample)) }).toEqual({
          seed,
          result: expected,
        });
        expect({ seed, result: plain(circuit.clear(...sample)) }).toEqual({
          seed,
          result: expected,
        });
      }
    }
    expect(compiled).toBeGreaterThan(250);
    expect(tooWide).toBeLessThan(50);
  });
});
