import { describe, expect, it } from '@jest/globals';
import { LookupTable, evaluate, np, roundBitPattern, type Tracer } from '@cml/tracer';
import { compile } from './compile.js';

describe('the README example', () => {
  it('compiles a lookup on a rounded sum with a clear argument and simulates it exactly', () => {
    const squares = new LookupTable([0, 1, 4, 9, 16, 25, 36, 49, 64]);
    const f = (x: Tracer, y: Tracer) =>
      squares.apply(roundBitPattern(np.clip(x.add(y), 0, 7), 1)).sum();
    const inputset = [
      [[0, 1, 2], 0],
      [[3, 2, 7], 3],
      [[1, 5, 4], 2],
    ];
    const circuit = compile(f, { x: 'encrypted', y: 'clear' }, inputset);
    expect(circuit.statistics.lookups).toBe(3);
    for (const sample of inputset)
      expect(circuit.simulate(...sample)[0]?.toArray()).toEqual(
        evaluate(circuit.graph, sample)[0]?.toArray(),
      );
    expect(circuit.toString()).toContain('parameters');
    expect(circuit.toString()).toMatch(/keys: bootstrap [0-9.]+ MiB/);
    expect(circuit.statistics.encryptedInputs).toBe(3);
  });
});
