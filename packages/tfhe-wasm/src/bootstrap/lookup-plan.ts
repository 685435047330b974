import { LookupTableLengthError } from '../errors.js';
import type { EvaluationKeys, LookupTable } from '../evaluation-keys.js';
import { LweCiphertext } from '../lwe-ciphertext.js';
import type { KernelCall, WorkerPool } from '../pool/worker-pool.js';
import type { TfheExports } from '../wasm-module.js';

/**
 * A batch of KS + PBS prepared in WASM memory: one test polynomial per distinct table, the
 * outputs, and the kernel calls. The classic and the rounded lookups differ only in how a test
 * polynomial is written (`fill`); running is shared, on this thread or on a worker pool.
 * Lookups run two at a time (keyswitchThenBootstrapPair: both read each key row and GGSW once,
 * measured 1.05-1.25x the throughput of single lookups), an odd one out alone.
 */
export interface LookupPlan {
  readonly outputs: LweCiphertext[];
  /** Regions to release once the kernels ran (test polynomials, scratch). */
  readonly regions: number[];
  /** Scratch bytes of one runner (enough for a pair or a single lookup). */
  readonly scratchBytes: number;
  /** The kernel calls for lookups first..end-1, run in order with the scratch region `scratch`. */
  calls(first: number, end: number, scratch: number): KernelCall[];
  /** Scratch bytes of one lookup split over two threads (threads build). */
  readonly splitScratchBytes: number;
  /**
   * The two parts of lookup i split over two threads (keyswitchThenBootstrapSplit), to run at
   * the same time on two workers; `scratch` is shared by both, its first i32 zeroed.
   */
  splitCalls(i: number, scratch: number): [KernelCall, KernelCall];
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
  const keyArgs = (): number[] => [keys.keyswitchKey, keys.bootstrapKey, n, k, N, params.ksBaseLog, params.ksLevel, params.pbsBaseLog, params.pbsLevel, keys.twiddles];
  const lookup = (i: number): number[] => [outputs[i]!.ptr, cts[i]!.ptr, luts.get(tableOf(i))!];
  return {
    outputs,
    regions,
    scratchBytes: Math.max(tfhe.keyswitchBootstrapPairScratchBytes(n, k, N), tfhe.keyswitchBootstrapScratchBytes(n, k, N)),
    calls: (first, end, scratch) => {
      const calls: KernelCall[] = [];
      let i = first;
      for (; i + 1 < end; i += 2) {
        calls.push({ kernel: 'keyswitchThenBootstrapPair', args: [...lookup(i), ...lookup(i + 1), ...keyArgs(), scratch] });
      }
      if (i < end) calls.push({ kernel: 'keyswitchThenBootstrap', args: [...lookup(i), ...keyArgs(), scratch] });
      return calls;
    },
    splitScratchBytes: tfhe.keyswitchBootstrapSplitScratchBytes(n, k, N, params.pbsLevel),
    splitCalls: (i, scratch) => {
      const part = (p: number): KernelCall => ({ kernel: 'keyswitchThenBootstrapSplit', args: [p, ...lookup(i), ...keyArgs(), scratch] });
      return [part(0), part(1)];
    },
  };
}

/**
 * Settles a plan after `run` (which takes its scratch regions from `scratch`): the plan's
 * regions are released either way, and on error its outputs are disposed.
 */
function settled<T>(tfhe: TfheExports, plan: LookupPlan, run: (scratch: (bytes?: number) => number) => T): T {
  const scratch = (bytes = plan.scratchBytes): number => {
    const p = tfhe.allocator.alloc(bytes);
    plan.regions.push(p);
    return p;
  };
  const release = (): void => {
    for (const p of plan.regions) tfhe.allocator.release(p);
  };
  const fail = (error: unknown): never => {
    for (const ct of plan.outputs) ct.dispose();
    throw error;
  };
  let result: T;
  try {
    result = run(scratch);
  } catch (error) {
    release();
    return fail(error);
  }
  if (result instanceof Promise) return result.catch(fail).finally(release) as T;
  release();
  return result;
}

/** Runs a plan on this thread (one scratch region); releases its regions, disposes outputs on error. */
export function runLookupPlan(tfhe: TfheExports, plan: LookupPlan): LweCiphertext[] {
  return settled(tfhe, plan, (scratch) => {
    for (const call of plan.calls(0, plan.outputs.length, scratch())) {
      (tfhe[call.kernel as keyof TfheExports] as (...args: number[]) => void)(...call.args);
    }
    return plan.outputs;
  });
}

/**
 * Runs a plan on the workers of `pool`. With at least two workers per lookup (a small batch on
 * a larger pool), each lookup runs split over two workers (latency: keyswitchThenBootstrapSplit);
 * otherwise every worker takes one scratch region and draws jobs (pairs of lookups, or single
 * ones when there are no more lookups than workers) from a shared counter until none is left,
 * so a core slowed down by the host does less of the batch instead of delaying it.
 */
export function runLookupPlanInPool(tfhe: TfheExports, plan: LookupPlan, pool: WorkerPool): Promise<LweCiphertext[]> {
  return settled(tfhe, plan, async (scratch) => {
    const count = plan.outputs.length;
    if (count > 0 && 2 * count <= pool.size) {
      const lists: KernelCall[][] = [];
      for (let i = 0; i < count; i++) {
        const region = scratch(plan.splitScratchBytes);
        Atomics.store(new Int32Array(tfhe.memory.buffer, region, 1), 0, 0); // the parts' barrier word
        const [first, second] = plan.splitCalls(i, region);
        lists.push([first], [second]);
      }
      await pool.runCalls(lists);
      return plan.outputs;
    }
    if (count === 0) return plan.outputs;
    // Jobs of two lookups (a paired kernel call) when there are more lookups than workers,
    // else of one; workers take jobs from a shared counter (WorkerPool.runQueue).
    const perJob = count > pool.size ? 2 : 1;
    const jobCount = Math.ceil(count / perJob);
    const workers = Math.min(pool.size, jobCount);
    const regions = Array.from({ length: workers }, () => scratch());
    const counter = scratch(4);
    Atomics.store(new Int32Array(tfhe.memory.buffer, counter, 1), 0, 0);
    await pool.runQueue(jobCount, workers, counter, (w) =>
      Array.from({ length: jobCount }, (_, j) => plan.calls(j * perJob, Math.min((j + 1) * perJob, count), regions[w]!)),
    );
    return plan.outputs;
  });
}
