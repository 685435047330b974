import { planLookups, runLookupPlanInPool } from '../bootstrap/lookup-plan.js';
import type { EvaluationKeys, LookupTable } from '../evaluation-keys.js';
import type { LweCiphertext } from '../lwe-ciphertext.js';
import { tfheRuntime } from '../wasm-module.js';
import type { WorkerPool } from './worker-pool.js';

/**
 * KS + PBS of many ciphertexts across a worker pool. The main thread validates the inputs,
 * writes one test polynomial per distinct table, allocates the outputs and one scratch region
 * per worker, then hands each worker a contiguous share of the jobs.
 */
export async function applyLookupTablesInPool(
  evk: EvaluationKeys,
  cts: readonly LweCiphertext[],
  tables: LookupTable | readonly LookupTable[],
  pool: WorkerPool,
): Promise<LweCiphertext[]> {
  const tfhe = tfheRuntime();
  const plan = planLookups(tfhe, evk, cts, tables, 'applyLookupTableBatchInPool', (table, ct, lut) =>
    evk.fillLookupTable(table, ct.precision, lut),
  );
  return runLookupPlanInPool(tfhe, plan, pool);
}
