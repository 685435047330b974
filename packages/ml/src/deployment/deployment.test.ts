import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureSplit } from '../__fixtures__/fixture-split.js';
import { loadBreastCancer } from '../datasets/loaders.js';
import { LogisticRegression } from '../linear-model/logistic-regression.js';
import { DecisionTreeClassifier } from '../tree/decision-tree-classifier.js';
import type { FheModel } from '../fhe/fhe-model.js';
import { FHEModelClient } from './fhe-model-client.js';
import { FHEModelDev } from './fhe-model-dev.js';
import { FHEModelServer } from './fhe-model-server.js';

let root: string;
let cancer: ReturnType<typeof fixtureSplit>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cml-deploy-'));
  cancer = fixtureSplit(await loadBreastCancer(), false);
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Dev writes the directory; the server gets a directory with server.bin alone; samples, keys and results travel as bytes. */
async function roundTrip(name: string, fhe: FheModel, samples: number[][]): Promise<void> {
  const devDir = join(root, name);
  await new FHEModelDev(devDir, fhe).save();
  expect((await readdir(devDir)).sort()).toEqual(['client.bin', 'client.json', 'server.bin']);
  const serverDir = join(root, `${name}-server`);
  await rm(serverDir, { recursive: true, force: true });
  await import('node:fs/promises').then((f) => f.mkdir(serverDir));
  await copyFile(join(devDir, 'server.bin'), join(serverDir, 'server.bin'));

  const client = new FHEModelClient(devDir);
  await client.generatePrivateAndEvaluationKeys();
  const server = await new FHEModelServer(serverDir).load();
  const evaluationKeys = client.getSerializedEvaluationKeys();
  const expected = fhe.predict(samples);
  const expectedScores = fhe.scores(samples);
  try {
    for (const [i, x] of samples.entries()) {
      const encrypted = client.quantizeEncryptSerialize(x);
      const result = await client.deserializeDecryptDequantize(await server.run(encrypted, evaluationKeys));
      expect(result.prediction).toBe(expected[i]);
      expect(result.scores).toEqual(expectedScores[i]);
    }
    // A long-lived server reads the key bytes once and reuses the loaded keys.
    const loaded = await server.loadEvaluationKeys(evaluationKeys);
    try {
      const reply = await server.run(client.quantizeEncryptSerialize(samples[0]!), loaded);
      expect((await client.deserializeDecryptDequantize(reply)).prediction).toBe(expected[0]);
    } finally {
      loaded.dispose();
    }
  } finally {
    client.dispose();
    server.dispose();
  }
}

describe('deployment: FHEModelDev -> FHEModelClient <-> FHEModelServer through files and bytes', () => {
  it('a LogisticRegression round trip gives the quantized clear prediction and scores', async () => {
    const xTrain = cancer.xTrain.map((r) => r.slice(0, 8));
    const model = new LogisticRegression({ maxIter: 500 }).fit(xTrain, cancer.yTrain);
    await roundTrip('logistic', model.compile(xTrain, { nBits: 3 }), cancer.xTest.slice(0, 2).map((r) => r.slice(0, 8)));
  });

  it('a DecisionTreeClassifier round trip gives the quantized clear prediction and probabilities', async () => {
    const model = new DecisionTreeClassifier({ maxDepth: 3, randomState: 0 }).fit(cancer.xTrain, cancer.yTrain);
    await roundTrip('tree', model.compile(cancer.xTrain, { nBits: 3 }), cancer.xTest.slice(0, 2));
  });

  it('the server refuses altered ciphertext and key bytes; a missing directory is a DeploymentError', async () => {
    const model = new DecisionTreeClassifier({ maxDepth: 2, randomState: 0 }).fit(cancer.xTrain, cancer.yTrain);
    const dir = join(root, 'small');
    await new FHEModelDev(dir, model.compile(cancer.xTrain, { nBits: 3 })).save();
    const client = new FHEModelClient(dir);
    await client.generatePrivateAndEvaluationKeys();
    const server = await new FHEModelServer(dir).load();
    const bytes = client.quantizeEncryptSerialize(cancer.xTest[0]!);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 1;
    const keys = client.getSerializedEvaluationKeys();
    await expect(server.run(bytes, keys)).rejects.toMatchObject({ name: 'CorruptedDataError' });
    const alteredKeys = keys.slice();
    alteredKeys[alteredKeys.length - 1] = (alteredKeys[alteredKeys.length - 1] as number) ^ 1;
    await expect(server.run(client.quantizeEncryptSerialize(cancer.xTest[0]!), alteredKeys)).rejects.toMatchObject({ name: 'CorruptedDataError' });
    client.dispose();
    server.dispose();
    await expect(new FHEModelServer(join(root, 'nowhere')).load()).rejects.toMatchObject({ name: 'DeploymentError' });
    expect(() => new FHEModelClient(dir).quantizeEncryptSerialize([1])).toThrow(expect.objectContaining({ name: 'DeploymentError' }));
  });
});
