import { LookupTableLengthError } from '../errors.js';
import type { EvaluationKeys, LookupTable } from '../evaluation-keys.js';
import { LweCiphertext } from '../lwe-ciphertext.js';
import type { WorkerPool } from '../pool/worker-pool.js';
import type { TfheExports } from '../wasm-module.js';

type KeyswitchBootstrapArgs = Parameters<TfheExports['keyswitchThenBootstrap']>;

/**
 * A batch of KS + PBS prepared in WASM memory: one test polynomial per distinct table, the
 * outputs, and the kernel arguments per ciphertext. The classic and the rounded lookups differ
 * only in how a test polynomial is written (`fill`); running is shared, on this thread or on
 * a worker pool.
 */
export interface LookupPlan {
  readonly outputs: LweCiphertext[];
  /** Regions to release once the kernels ran (test polynomials, scratch). */
  readonly regions: number[];
  readonly scratchBytes: number;
  /** One keyswitchThenBootstrap call per ciphertext, with the scratch region chosen per index. */
  calls(scratchOf: (index: number) => number): KeyswitchBootstrapArgs[];
}

/**
 * Checks the table count and the ciphertexts (`operation` names the caller in errors), writes
 * each distinct table with `fill` and allocates one output per ciphertext at `precision(ct)`.
 * On error nothing stays allocated.
 */
export function planLookups(
  tfhe: TfheExports,
  keys: EvaluationKeys,
  cts: readonly LweCiphertext[],
  tables: LookupTable | readonly LookupTable[],
  operation: string,
  fill: (table: LookupTable, ct: LweCiphertext, lut: number) => void,
): LookupPlan {
  const params = keys.params;
  const { lweDimension: n, glweDimension: k, polynomialSize: N } = params;
  const perCiphertext = tables.length > 0 && Array.isArray(tables[0]);
  if (perCiphertext && tables.length !== cts.length) {
    throw new LookupTableLengthError(`${cts.length} ciphertexts but ${tables.length} tables`);
  }
  for (const ct of cts) ct.assertUsable(params, 'big', operation);
  const tableOf = (i: number): LookupTable =>
    perCiphertext ? (tables as readonly LookupTable[])[i]! : (tables as LookupTable);
  const regions: number[] = [];
  const outputs: LweCiphertext[] = [];
  const luts = new Map<LookupTable, number>();
  try {
    cts.forEach((ct, i) => {
      const table = tableOf(i);
      if (luts.has(table)) return;
      const lut = tfhe.allocator.alloc(N * 8);
      regions.push(lut);
      fill(table, ct, lut);
      luts.set(table, lut);
    });
    for (const ct of cts) outputs.push(new LweCiphertext(tfhe, params, 'big', ct.precision));
  } catch (error) {
    for (const p of regions) tfhe.allocator.release(p);
    for (const ct of outputs) ct.dispose();
    throw error;
  }
  return {
    outputs,
    regions,
    scratchBytes: tfhe.keyswitchBootstrapScratchBytes(n, k, N),
    calls: (scratchOf) =>
      cts.map((ct, i): KeyswitchBootstrapArgs => [
        outputs[i]!.ptr,
        ct.ptr,
        luts.get(tableOf(i))!,
        keys.keyswitchKey,
        keys.bootstrapKey,
        n,
        k,
        N,
        params.ksBaseLog,
        params.ksLevel,
        params.pbsBaseLog,
        params.pbsLevel,
        keys.twiddles,
        scratchOf(i),
      ]),
  };
}

/** Runs a plan on this thread (one scratch region); releases its regions, disposes outputs on error. */
export function runLookupPlan(tfhe: TfheExports, plan: LookupPlan): LweCiphertext[] {
  try {
    const scratch = tfhe.allocator.alloc(plan.scratchBytes);
    plan.regions.push(scratch);
    for (const args of plan.calls(() => scratch)) tfhe.keyswitchThenBootstrap(...args);
    return plan.outputs;
  } catch (error) {
    for (const ct of plan.outputs) ct.dispose();
    throw error;
  } finally {
    for (const p of plan.regions) tfhe.allocator.release(p);
  }
}

/**
 * Runs a plan on the workers of `pool`: one scratch region per worker and a contiguous equal
 * share of the jobs each (bootstraps cost the same, so equal shares balance).
 */
export async function runLookupPlanInPool(tfhe: TfheExports, plan: LookupPlan, pool: WorkerPool): Promise<LweCiphertext[]> {
  try {
    const count = plan.outputs.length;
    const workers = Math.min(pool.size, count);
    const scratch = Array.from({ length: workers }, () => {
      const p = tfhe.allocator.alloc(plan.scratchBytes);
      plan.regions.push(p);
      return p;
    });
    const share = Math.ceil(count / Math.max(workers, 1));
    const all = plan.calls((i) => scratch[Math.floor(i / share)]!);
    await pool.run(
      'keyswitchThenBootstrap',
      scratch.map((_, w) => all.slice(w * share, (w + 1) * share)),
    );
    return plan.outputs;
  } catch (error) {
    for (const ct of plan.outputs) ct.dispose();
    throw error;
  } finally {
    for (const p of plan.regions) tfhe.allocator.release(p);
  }
}
