import type { WorkerPool } from '@cml/tfhe-wasm';
import type { KeyFiles } from './key-files.js';
import type { KeyStore } from './key-store.js';
import type { Metrics } from './metrics.js';
import { UnknownModelError } from './errors.js';
import type { ServedModel } from './served-model.js';
import type { WorkQueue } from './work-queue.js';

/** What the routes share: the served models, stored keys, the work queue and the metrics. */
export interface ServerContext {
  readonly models: ReadonlyMap<string, ServedModel>;
  readonly keys: KeyStore;
  /** Keys on disk (`keyDir`), or undefined when keys live in memory only. */
  readonly keyFiles: KeyFiles | undefined;
  /** Disk reads in progress by key id, so concurrent requests read a key once. */
  readonly loadingKeys: Map<string, Promise<void>>;
  readonly queue: WorkQueue;
  /** The worker threads runs use, or undefined for in-process runs (`threads: 0`). */
  readonly pool: WorkerPool | undefined;
  readonly metrics: Metrics;
  readonly limits: { readonly maxKeyBytes: number; readonly maxInputBytes: number };
}

export function modelOf(context: ServerContext, id: string): ServedModel {
  const model = context.models.get(id);
  if (!model) throw new UnknownModelError(id);
  return model;
}

export const MODEL_PARAMS = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' } },
} as const;

export const ERROR_BODY = {
  type: 'object',
  required: ['error', 'message'],
  properties: { error: { type: 'string' }, message: { type: 'string' } },
} as const;
