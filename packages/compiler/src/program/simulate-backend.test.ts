import { describe, expect, it } from '@jest/globals';
import { np, type Tracer } from '@cml/tracer';
import { compile } from '../compile.js';
import { OutOfBoundsError } from '../errors.js';

const relu = compile((x: Tracer) => np.relu(x.sub(3)), { x: 'encrypted' }, [
  [0, 1, 2, 3, 4, 5, 6, 7],
]);
const inputs = [[0, 1, 2, 3, 4, 5, 6, 7]];

/** 5x (an output, so materialized) is measured on [0, 25]; x = 7 is a valid 3-bit input but 35 leaves the 5-bit window. */
function wrappingCircuit(): ReturnType<typeof compile> {
  return compile(
    (x: Tracer) => [x.mul(5), np.relu(x.mul(5).sub(1))],
    { x: 'encrypted' },
    [0, 1, 2, 3, 4, 5],
  );
}

describe('simulation', () => {
  it('injects lookup failures at the requested rate, reproducibly from a seed', () => {
    const exact = relu.simulate(...inputs)[0]?.toArray();
    const runs = Array.from({ length: 50 }, (_, seed) =>
      relu.simulateWith({ pError: 0.25, seed }, ...inputs)[0]?.toArray(),
    );
    const wrong = runs.flatMap((run) => run?.filter((v, i) => v !== exact?.[i]) ?? []).length;
    // 400 lookups at p = 0.25: about 100 failures (a few are invisible where neighbours are equal).
    expect(wrong).toBeGreaterThan(40);
    expect(wrong).toBeLessThan(130);
    expect(relu.simulateWith({ pError: 0.25, seed: 3 }, ...inputs)).toEqual(
      relu.simulateWith({ pError: 0.25, seed: 3 }, ...inputs),
    );
    expect(relu.simulateWith({ pError: 0 }, ...inputs)[0]?.toArray()).toEqual(exact);
  });

  it("injects failures at the parameters' own modelled rate with pError: 'circuit'", () => {
    const loose = compile(
      (x: Tracer) => np.relu(x.sub(3)),
      { x: 'encrypted' },
      [[0, 1, 2, 3, 4, 5, 6, 7]],
      { pError: 0.2 },
    );
    const rate = 2 ** loose.statistics.log2PError;
    expect(rate).toBeGreaterThan(0.01);
    const exact = loose.simulate(...inputs)[0]?.toArray();
    let failures = 0;
    for (let seed = 0; seed < 100; seed++) {
      const run = loose.simulateWith({ pError: 'circuit', seed }, ...inputs)[0]?.toArray() ?? [];
      failures += run.filter((v, i) => v !== exact?.[i]).length;
    }
    // 800 lookups: about 800 * rate failures, a few invisible where neighbouring entries are equal.
    expect(failures).toBeGreaterThan(800 * rate * 0.4);
    expect(failures).toBeLessThan(800 * rate * 1.6 + 10);
  });

  it('detects a lookup outside its window, or wraps it like the negacyclic bootstrap', () => {
    const circuit = wrappingCircuit();
    expect(circuit.program.precision).toBe(5);
    expect(() => circuit.simulate(7)).toThrow(OutOfBoundsError);
    expect(() => circuit.clear(7)).toThrow(OutOfBoundsError);
    // 35 = 32 + 3: the padding bit is set, so the bootstrap returns -table[3] = -relu(3 - 1),
    // read from 5 unsigned bits as 30; 5x itself reads 35 mod 32 = 3.
    expect(circuit.simulateWith({ onOverflow: 'wrap' }, 7).map((a) => a.toArray())).toEqual([
      [3],
      [30],
    ]);
  });

  it('reports an output outside the decrypted bits instead of wrapping it (no lookup involved)', () => {
    // x + 2y is measured on [0, 6] (3 bits) and y = 3, x = 3 are valid 2-bit inputs, but 9
    // does not fit the 3 bits a ciphertext of this circuit decrypts: encrypted it reads 1.
    const sum = compile((x: Tracer, y: Tracer) => x.add(y.mul(2)), { x: 'encrypted', y: 'encrypted' }, [
      [0, 0],
      [2, 2],
      [3, 1],
    ]);
    expect(sum.program.precision).toBe(3);
    expect(sum.simulate(2, 2)[0]?.toArray()).toEqual([6]);
    expect(() => sum.simulate(3, 3)).toThrow(/output 0 element 0 is 9, outside the 3-bit range \[0, 7\]/);
    expect(() => sum.clear(3, 3)).toThrow(OutOfBoundsError);
    expect(sum.simulateWith({ onOverflow: 'wrap' }, 3, 3)[0]?.toArray()).toEqual([1]);
  });
});
