import { describe, expect, it } from '@jest/globals';
import { initTfhe, TfheInitError } from '../wasm-module.js';
import { WorkerPool, WorkerPoolError } from './worker-pool.js';

describe('the worker pool without the shared-memory build', () => {
  it('is refused, and the loaded instance cannot be switched to threads afterwards', async () => {
    await initTfhe();
    await expect(WorkerPool.create({ poolSize: 1 })).rejects.toThrow(WorkerPoolError);
    await expect(initTfhe({ threads: true })).rejects.toThrow(TfheInitError);
  });
});
