import { describe, expect, it } from '@jest/globals';
import { evaluate, np, type Tracer } from '@cml/tracer';
import { compile } from '../compile.js';

describe('lookup scheduling', () => {
  it('makes independent lookups consecutive so that they run as one batch', () => {
    const inputset = [
      [0, 3],
      [2, 1],
      [3, 3],
    ];
    // Three independent lookups (two for the product, one relu), then one that reads the relu.
    const circuit = compile(
      (x: Tracer, y: Tracer) => [x.mul(y), np.relu(np.relu(x.sub(y)).sub(1).mul(3).add(x))],
      { x: 'encrypted', y: 'encrypted' },
      inputset,
    );
    const kinds = circuit.program.instructions.map((i) => i.kind).join(' ');
    expect(kinds).toMatch(/lookup lookup lookup/);
    expect(circuit.statistics.lookups).toBe(4);
    for (const sample of inputset) {
      expect(circuit.simulate(...sample).map((a) => a.toArray())).toEqual(
        evaluate(circuit.graph, sample).map((a) => a.toArray()),
      );
    }
  });
});
