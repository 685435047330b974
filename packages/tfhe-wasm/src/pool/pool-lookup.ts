import type { EvaluationKeys, LookupTable } from '../evaluation-keys.js';
import { LookupTableLengthError } from '../errors.js';
import { LweCiphertext } from '../lwe-ciphertext.js';
import { tfheRuntime } from '../wasm-module.js';
import type { WorkerPool } from './worker-pool.js';

/**
 * KS + PBS of many ciphertexts across a worker pool. The main thread validates the inputs,
 * writes one test polynomial per distinct table, allocates the outputs and one scratch region
 * per worker, then hands each worker a contiguous share of the jobs (bootstraps cost the same,
 * so equal shares balance).
 */
export async function applyLookupTablesInPool(
  evk: EvaluationKeys,
  cts: readonly LweCiphertext[],
  tables: LookupTable | readonly LookupTable[],
  pool: WorkerPool,
): Promise<LweCiphertext[]> {
  const tfhe = tfheRuntime();
  const params = evk.params;
  const { lweDimension: n, glweDimension: k, polynomialSize: N } = params;
  const perCiphertext = tables.length > 0 && Array.isArray(tables[0]);
  if (perCiphertext && tables.length !== cts.length) {
    throw new LookupTableLengthError(`${cts.length} ciphertexts but ${tables.length} tables`);
  }
  for (const ct of cts) ct.assertUsable(params, 'big', 'applyLookupTableBatchInPool');
  const tableOf = (i: number): LookupTable =>
    perCiphertext ? (tables as readonly LookupTable[])[i]! : (tables as LookupTable);

  const regions: number[] = [];
  const outputs: LweCiphertext[] = [];
  try {
    const luts = new Map<LookupTable, number>();
    cts.forEach((ct, i) => {
      const table = tableOf(i);
      if (luts.has(table)) return;
      const lut = tfhe.allocator.alloc(N * 8);
      regions.push(lut);
      evk.fillLookupTable(table, ct.precision, lut);
      luts.set(table, lut);
    });
    const scratchBytes = tfhe.keyswitchBootstrapScratchBytes(n, k, N);
    const workers = Math.min(pool.size, cts.length);
    const scratch = Array.from({ length: workers }, () => {
      const p = tfhe.allocator.alloc(scratchBytes);
      regions.push(p);
      return p;
    });
    for (const ct of cts) outputs.push(new LweCiphertext(tfhe, params, 'big', ct.precision));
    const share = Math.ceil(cts.length / Math.max(workers, 1));
    const calls = scratch.map((s, w) =>
      cts.slice(w * share, (w + 1) * share).map((ct, j) => {
        const i = w * share + j;
        return [
          outputs[i]!.ptr,
          ct.ptr,
          luts.get(tableOf(i))!,
          evk.keyswitchKey,
          evk.bootstrapKey,
          n,
          k,
          N,
          params.ksBaseLog,
          params.ksLevel,
          params.pbsBaseLog,
          params.pbsLevel,
          evk.twiddles,
          s,
        ];
      }),
    );
    await pool.run('keyswitchThenBootstrap', calls);
    return outputs;
  } catch (error) {
    for (const out of outputs) out.dispose();
    throw error;
  } finally {
    for (const p of regions) tfhe.allocator.release(p);
  }
}
