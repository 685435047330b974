import type { ModelSource } from './served-model.js';

export interface ServerOptions {
  /** Deployment directories; each is served under its directory name. */
  readonly dirs?: readonly string[];
  /** Deployment directories with explicit ids. */
  readonly models?: readonly ModelSource[];
  /** Evaluation key sets kept in memory (least recently used evicted). Default 16. */
  readonly maxKeys?: number;
  /** Largest evaluation-key upload in bytes. Default 256 MiB. */
  readonly maxKeyBytes?: number;
  /** Largest encrypted input in bytes. Default 16 MiB. */
  readonly maxInputBytes?: number;
  /** FHE runs at once. Default 1 (the WASM core computes on one thread per process). */
  readonly concurrency?: number;
  /** Runs allowed to wait; more are refused with 503. Default 64. */
  readonly maxQueue?: number;
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
