import { describe, expect, it } from '@jest/globals';
import { np, type Tracer } from '@cml/tracer';
import { compile } from '../compile.js';
import { loadTfhe } from './fhe-backend.js';

// One process, two models: the first runs without a pool, the second asks for one. The WASM
// core is loaded once per process (this file gets its own module registry, so its own core).
describe('loading the TFHE core in a Node process', () => {
  it('lets a pooled circuit run after a circuit without a pool generated keys first', async () => {
    const single = compile((x: Tracer) => np.relu(x.sub(2)), { x: 'encrypted' }, [[0, 1, 2, 3]]);
    await single.keygen();
    expect((await single.encryptRunDecrypt([0, 1, 2, 3]))[0]?.toArray()).toEqual([0, 0, 0, 1]);

    const pooled = compile((x: Tracer) => np.relu(x.sub(1)), { x: 'encrypted' }, [[0, 1, 2, 3]], {
      poolSize: 2,
    });
    const [result] = await pooled.encryptRunDecrypt([0, 1, 2, 3]);
    expect(result?.toArray()).toEqual([0, 0, 1, 2]);
    expect((await loadTfhe()).threads).toBe(true);
    await single.dispose();
    await pooled.dispose();
  });
});
