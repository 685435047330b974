import type { ModelSource } from './served-model.js';
import type { WorkQueue } from './work-queue.js';

export interface ServerOptions {
  /** Deployment directories; each is served under its directory name. */
  readonly dirs?: readonly string[];
  /** Deployment directories with explicit ids. */
  readonly models?: readonly ModelSource[];
  /** Evaluation key sets kept in memory (least recently used evicted). Default 16. */
  readonly maxKeys?: number;
  /**
   * A directory for uploaded evaluation keys: each upload is also written there, and keys not
   * in memory (evicted, or uploaded before a restart) are read back on demand. Default: memory only.
   */
  readonly keyDir?: string;
  /** Largest evaluation-key upload in bytes. Default 256 MiB. */
  readonly maxKeyBytes?: number;
  /** Largest encrypted input in bytes. Default 16 MiB. */
  readonly maxInputBytes?: number;
  /**
   * Worker threads for the bootstraps, created at start and terminated on close. Default:
   * os.availableParallelism() when a served model has table lookups, else 0. 0 runs on the
   * event loop (a run then blocks other requests between its lookup batches).
   */
  readonly threads?: number;
  /** FHE runs at once. Default 1 (a run already uses every worker thread). */
  readonly concurrency?: number;
  /** Runs allowed to wait; more are refused with 503. Default 64. */
  readonly maxQueue?: number;
  /**
   * The work queue runs go through, when the embedding application shares one between
   * servers or schedules its own jobs on it. Default: a new queue of `concurrency`/`maxQueue`.
   */
  readonly queue?: WorkQueue;
  /** A built web client to serve at / (with COOP/COEP headers for SharedArrayBuffer). */
  readonly webRoot?: string;
  /** Fastify's logger. Default false. */
  readonly logger?: boolean;
}

export const DEFAULTS = {
  maxKeys: 16,
  maxKeyBytes: 256 * 1024 * 1024,
  maxInputBytes: 16 * 1024 * 1024,
  concurrency: 1,
  maxQueue: 64,
} as const;
