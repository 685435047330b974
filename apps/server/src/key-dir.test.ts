import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FHEModelClient } from '@cml/ml';
import { startServer } from './start-server.js';
import { demoFixture, newClient, OCTETS, type DemoFixture } from './__fixtures__/demo-client.js';

let fixture: DemoFixture;
let second: FHEModelClient;
let keyDir: string;

beforeAll(async () => {
  fixture = await demoFixture();
  second = await newClient(fixture.demo.dir);
  keyDir = await mkdtemp(join(tmpdir(), 'cml-key-dir-'));
});
afterAll(async () => {
  second.dispose();
  await fixture.dispose();
  await rm(keyDir, { recursive: true, force: true });
});

async function upload(url: string, client: FHEModelClient): Promise<string> {
  const response = await fetch(`${url}/models/breast-cancer/keys`, {
    method: 'POST',
    headers: OCTETS,
    body: new Uint8Array(client.getSerializedEvaluationKeys()),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { keyId: string }).keyId;
}

/** Predicts one row with `client`'s keys; the decrypted prediction, or the HTTP status on failure. */
async function predict(url: string, client: FHEModelClient, keyId: string, row: number[]): Promise<number | string> {
  const response = await fetch(`${url}/models/breast-cancer/predict?keyId=${keyId}`, {
    method: 'POST',
    headers: OCTETS,
    body: new Uint8Array(client.quantizeEncryptSerialize(row)),
  });
  if (response.status !== 200) return `HTTP ${response.status}`;
  return (await client.deserializeDecryptDequantize(new Uint8Array(await response.arrayBuffer()))).prediction;
}

async function storedKeys(url: string): Promise<number> {
  return ((await (await fetch(`${url}/metrics`)).json()) as { storedKeys: number }).storedKeys;
}

const row = (i: number): number[] => fixture.demo.samples[i] as number[];
const expected = (i: number): number => fixture.demo.model.predict([row(i)])[0] as number;

describe('evaluation keys on disk (keyDir)', () => {
  it('keys evicted from memory (maxKeys 1) are read back from disk; memory stays bounded', async () => {
    const { app, url } = await startServer({ dirs: [fixture.demo.dir], port: 0, maxKeys: 1, keyDir });
    try {
      const first = await upload(url, fixture.client);
      const other = await upload(url, second);
      expect(await storedKeys(url)).toBe(1);
      expect(await predict(url, fixture.client, first, row(10))).toBe(expected(10));
      expect(await storedKeys(url)).toBe(1);
      expect(await predict(url, second, other, row(20))).toBe(expected(20));
      expect(await storedKeys(url)).toBe(1);
      expect((await readdir(keyDir)).sort()).toEqual([`${first}.keys`, `${other}.keys`].sort());
    } finally {
      await app.close();
    }
  });

  it('without keyDir the evicted keys are gone (404), so the disk is what kept them above', async () => {
    const { app, url } = await startServer({ dirs: [fixture.demo.dir], port: 0, maxKeys: 1 });
    try {
      const first = await upload(url, fixture.client);
      await upload(url, second);
      expect(await predict(url, fixture.client, first, row(10))).toBe('HTTP 404');
    } finally {
      await app.close();
    }
  });

  it('a restarted server reloads its models from the directories and finds keys uploaded before', async () => {
    const before = await startServer({ dirs: [fixture.demo.dir], port: 0, keyDir });
    const keyId = await upload(before.url, fixture.client);
    await before.app.close();

    const after = await startServer({ dirs: [fixture.demo.dir], port: 0, keyDir });
    try {
      const { models } = (await (await fetch(`${after.url}/models`)).json()) as { models: { id: string }[] };
      expect(models.map((m) => m.id)).toEqual(['breast-cancer']);
      expect(await storedKeys(after.url)).toBe(0);
      expect(await predict(after.url, fixture.client, keyId, row(30))).toBe(expected(30));
      expect(await storedKeys(after.url)).toBe(1);
    } finally {
      await after.app.close();
    }
  });
});
