import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initTfhe, WorkerPool } from '@cml/tfhe-wasm';
import { fixtureSplit } from '../__fixtures__/fixture-split.js';
import { loadBreastCancer } from '../datasets/loaders.js';
import { DecisionTreeClassifier } from '../tree/decision-tree-classifier.js';
import { FHEModelClient } from './fhe-model-client.js';
import { FHEModelDev } from './fhe-model-dev.js';
import { FHEModelServer } from './fhe-model-server.js';

let root: string;
let pool: WorkerPool;

beforeAll(async () => {
  // The pool needs the shared-memory core, loaded before anything else in this file.
  await initTfhe({ threads: true });
  pool = await WorkerPool.create({ poolSize: 2 });
  root = await mkdtemp(join(tmpdir(), 'cml-deploy-pool-'));
});
afterAll(async () => {
  await pool.terminate();
  await rm(root, { recursive: true, force: true });
});

describe('FHEModelServer.run on a worker pool', () => {
  it('decrypts to the clear quantized prediction, reports progress and matches the in-process run', async () => {
    const cancer = fixtureSplit(await loadBreastCancer(), false);
    const model = new DecisionTreeClassifier({ maxDepth: 3, randomState: 0 }).fit(cancer.xTrain, cancer.yTrain);
    const fhe = model.compile(cancer.xTrain, { nBits: 3 });
    const dir = join(root, 'tree');
    await new FHEModelDev(dir, fhe).save();
    const client = new FHEModelClient(dir);
    await client.generatePrivateAndEvaluationKeys();
    const server = await new FHEModelServer(dir).load();
    const keys = await server.loadEvaluationKeys(client.getSerializedEvaluationKeys());
    try {
      const samples = cancer.xTest.slice(0, 3);
      const expected = fhe.predict(samples);
      for (const [i, x] of samples.entries()) {
        const encrypted = client.quantizeEncryptSerialize(x);
        const progress: number[] = [];
        const pooled = await client.deserializeDecryptDequantize(
          await server.run(encrypted, keys, { pool, onProgress: (done) => progress.push(done) }),
        );
        const inProcess = await client.deserializeDecryptDequantize(await server.run(encrypted, keys));
        expect(pooled.prediction).toBe(expected[i]);
        expect(pooled).toEqual(inProcess);
        expect(progress.at(-1)).toBe(1);
        expect(progress).toEqual([...progress].sort((a, b) => a - b));
      }
    } finally {
      keys.dispose();
      client.dispose();
      server.dispose();
    }
  });
});
