import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureSplit } from '../__fixtures__/fixture-split.js';
import { loadBreastCancer } from '../datasets/loaders.js';
import type { FheModel } from '../fhe/fhe-model.js';
import { LogisticRegression } from '../linear-model/logistic-regression.js';
import { DEPLOYMENT_FILES } from './files.js';
import { FHEModelClient } from './fhe-model-client.js';
import { FHEModelDev } from './fhe-model-dev.js';
import { FHEModelServer } from './fhe-model-server.js';
import { packSecretKey, unpackSecretKey } from './secret-key-bytes.js';

let fhe: FheModel;
let other: FheModel;
let samples: number[][];
/** The first client: generated keys, saved as bytes. */
let owner: FHEModelClient;
let secretKey: Uint8Array;
let evaluationKeys: Uint8Array;

function clientFiles(model: FheModel): [Uint8Array, Uint8Array] {
  const files = new FHEModelDev('unused', model).artifacts();
  return [files[DEPLOYMENT_FILES.spec]!, files[DEPLOYMENT_FILES.client]!];
}

/** A server built from server.bin's bytes only (no directory). */
function serverFor(model: FheModel): FHEModelServer {
  return FHEModelServer.fromBytes(new FHEModelDev('unused', model).artifacts()[DEPLOYMENT_FILES.server]!);
}

beforeAll(async () => {
  const cancer = fixtureSplit(await loadBreastCancer(), true);
  const x = cancer.xTrain.map((r) => r.slice(0, 6));
  fhe = new LogisticRegression({ maxIter: 300 }).fit(x, cancer.yTrain).compile(x, { nBits: 3 });
  const xOther = cancer.xTrain.map((r) => r.slice(6, 12));
  other = new LogisticRegression({ maxIter: 300 }).fit(xOther, cancer.yTrain).compile(xOther, { nBits: 3 });
  samples = cancer.xTest.slice(0, 3).map((r) => r.slice(0, 6));
  owner = FHEModelClient.fromBytes(...clientFiles(fhe));
  await owner.generatePrivateAndEvaluationKeys();
  secretKey = owner.serializeSecretKey();
  evaluationKeys = owner.getSerializedEvaluationKeys();
});
afterAll(() => owner.dispose());

describe('FHEModelClient.fromBytes: a client without a directory', () => {
  it('generates keys, encrypts and decrypts to the library predictions and scores', async () => {
    const server = serverFor(fhe);
    try {
      for (const [i, x] of samples.entries()) {
        const result = await owner.deserializeDecryptDequantize(await server.run(owner.quantizeEncryptSerialize(x), evaluationKeys));
        expect(result.prediction).toBe(fhe.predict(samples)[i]);
        expect(result.scores).toEqual(fhe.scores(samples)[i]);
      }
    } finally {
      server.dispose();
    }
  });

  it('reaches no node:* module when imported (only type imports or imports inside functions)', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      // Top-level static imports only: `import type` is erased, `await import()` runs on demand.
      for (const match of source.matchAll(/^import (?!type )[^;]*?from '([^']+)';/gms)) {
        const target = match[1]!;
        expect(`${file}: ${target}`).not.toMatch(/: node:/);
        if (target.startsWith('.')) visit(join(dirname(file), target.replace(/\.js$/, '.ts')));
      }
    };
    visit(join(here, 'fhe-model-client.ts'));
    expect(seen.size).toBeGreaterThan(4);
  });

  it('refuses bytes that are not client files with typed errors', () => {
    const [spec, bin] = clientFiles(fhe);
    expect(() => FHEModelClient.fromBytes(new TextEncoder().encode('{oops'), bin)).toThrow(expect.objectContaining({ name: 'DeploymentError' }));
    expect(() => FHEModelClient.fromBytes(new TextEncoder().encode('[1]'), bin)).toThrow(/no quantized model specification/);
    expect(() => FHEModelClient.fromBytes(spec, bin.subarray(0, bin.length - 3))).toThrow(expect.objectContaining({ name: 'CorruptedDataError' }));
  });

  it('load() without a directory is a DeploymentError, for either role', async () => {
    await expect(new FHEModelClient().load()).rejects.toMatchObject({ name: 'DeploymentError' });
    await expect(new FHEModelServer().load()).rejects.toMatchObject({ name: 'DeploymentError' });
  });
});

describe('secret key persistence: serializeSecretKey / loadKeys', () => {
  it('a restored client decrypts what the first one encrypted, and the reverse, with the same key id', async () => {
    const restored = FHEModelClient.fromBytes(...clientFiles(fhe));
    const server = serverFor(fhe);
    try {
      await restored.loadKeys(secretKey, evaluationKeys);
      expect(restored.keyId).toBe(owner.keyId);
      const x = samples[1]!;
      const expected = fhe.predict([x])[0];
      const fromOwner = await server.run(owner.quantizeEncryptSerialize(x), evaluationKeys);
      expect((await restored.deserializeDecryptDequantize(fromOwner)).prediction).toBe(expected);
      const fromRestored = await server.run(restored.quantizeEncryptSerialize(x), evaluationKeys);
      expect((await owner.deserializeDecryptDequantize(fromRestored)).prediction).toBe(expected);
    } finally {
      restored.dispose();
      server.dispose();
    }
  });

  it('the saved key names its circuit, parameters and evaluation keys', () => {
    const { header } = unpackSecretKey(secretKey);
    expect(header.keys).toBe(owner.keyId);
    expect(header.parameters).toBe(fhe.circuit.parameters.name);
    expect(header.circuit).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses the secret key of another model, even one with the same parameter set', async () => {
    expect(other.circuit.parameters.name).toBe(fhe.circuit.parameters.name);
    const client = FHEModelClient.fromBytes(...clientFiles(other));
    await expect(client.loadKeys(secretKey, evaluationKeys)).rejects.toMatchObject({
      name: 'CircuitMismatchError',
      message: expect.stringMatching(/belongs to circuit/),
    });
  });

  it('refuses evaluation keys from another key generation', async () => {
    const second = FHEModelClient.fromBytes(...clientFiles(fhe));
    await second.generatePrivateAndEvaluationKeys();
    const restored = FHEModelClient.fromBytes(...clientFiles(fhe));
    try {
      await expect(restored.loadKeys(secretKey, second.getSerializedEvaluationKeys())).rejects.toMatchObject({
        name: 'CircuitMismatchError',
        message: expect.stringMatching(/not generated with this secret key/),
      });
    } finally {
      second.dispose();
      restored.dispose();
    }
  });

  it('reports damaged secret-key bytes as CorruptedDataError and keeps the keys it had', async () => {
    const client = FHEModelClient.fromBytes(...clientFiles(fhe));
    await client.loadKeys(secretKey, evaluationKeys);
    const altered = secretKey.slice();
    altered[0] = 0x58;
    const { header, secret } = unpackSecretKey(secretKey);
    const cases = [
      altered,
      secretKey.subarray(0, 8),
      secretKey.subarray(0, secretKey.length - 5),
      packSecretKey(header, secret.map((b, i) => (i === secret.length - 1 ? 7 : b))),
    ];
    try {
      for (const bytes of cases) {
        await expect(client.loadKeys(bytes, evaluationKeys)).rejects.toMatchObject({ name: 'CorruptedDataError' });
      }
      const versioned = secretKey.slice();
      versioned[4] = 9;
      await expect(client.loadKeys(versioned, evaluationKeys)).rejects.toThrow(/version 9 is not supported/);
      expect(client.keyId).toBe(owner.keyId);
    } finally {
      client.dispose();
    }
  });
});
