import { EvaluationKeys } from '@cml/tfhe-wasm';
import type { ServerContext } from './context.js';
import type { StoredKeys } from './key-store.js';

export interface HeldKeys {
  readonly stored: StoredKeys;
  release(): void;
}

/**
 * Evaluation keys by id, pinned until released: from memory, else (with `keyDir`) read back
 * from disk into the in-memory LRU store. Undefined when the id is unknown, or its keys
 * belong to a model this server no longer serves.
 */
export async function acquireKeys(context: ServerContext, id: string): Promise<HeldKeys | undefined> {
  const held = context.keys.acquire(id);
  if (held || !context.keyFiles) return held;
  let loading = context.loadingKeys.get(id);
  if (!loading) {
    loading = loadFromDisk(context, id).finally(() => context.loadingKeys.delete(id));
    context.loadingKeys.set(id, loading);
  }
  await loading;
  return context.keys.acquire(id);
}

async function loadFromDisk(context: ServerContext, id: string): Promise<void> {
  const file = await context.keyFiles?.load(id);
  const model = file && context.models.get(file.modelId);
  if (!file || !model) return;
  // Expanding keys is CPU-heavy: it takes a slot of the work queue like a run.
  await context.queue.run(async () => {
    const keys = EvaluationKeys.deserialize(file.bytes, model.circuit.parameters);
    context.keys.add({ id, modelId: model.id, keys, byteLength: file.bytes.length });
  });
}
