import { availableParallelism } from 'node:os';
import { initTfhe, TfheInitError, WorkerPool } from '@cml/tfhe-wasm';
import { ServerConfigError } from './errors.js';

/** Largest pool WorkerPool accepts. */
const MAX_THREADS = 256;

/**
 * Loads the TFHE core and, for `threads` > 0, a worker pool on its shared memory: bootstraps
 * then run on the workers (one copy of the keys serves them all) and the event loop stays free
 * to answer other requests. Default: availableParallelism() workers when a served model has
 * table lookups, none for lookup-free models (nothing to spread). When the embedding process
 * already loaded the core single-threaded, the default falls back to in-process runs and an
 * explicit `threads` > 0 is a ServerConfigError.
 */
export async function startWorkerPool(threads: number | undefined, hasLookups: boolean): Promise<WorkerPool | undefined> {
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 0 && threads <= MAX_THREADS)) {
    throw new ServerConfigError(`threads must be an integer from 0 to ${MAX_THREADS}, got ${threads}`);
  }
  const size = threads ?? (hasLookups ? availableParallelism() : 0);
  if (size === 0) {
    await initTfhe();
    return undefined;
  }
  try {
    await initTfhe({ threads: true });
  } catch (error) {
    if (!(error instanceof TfheInitError)) throw error;
    if (threads !== undefined) {
      throw new ServerConfigError(`threads: ${threads} needs the shared-memory TFHE core, but this process loaded it single-threaded (${error.message})`);
    }
    await initTfhe();
    return undefined;
  }
  return WorkerPool.create({ poolSize: size });
}
