import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './start-server.js';
import { WorkQueue } from './work-queue.js';
import { occupy, until } from './__fixtures__/queue.js';
import { demoFixture, OCTETS, spreadRows, type DemoFixture } from './__fixtures__/demo-client.js';

let fixture: DemoFixture;
let keyDir: string;

beforeAll(async () => {
  fixture = await demoFixture();
  keyDir = await mkdtemp(join(tmpdir(), 'cml-faults-'));
});
afterAll(async () => {
  await fixture.dispose();
  await rm(keyDir, { recursive: true, force: true });
});

async function uploadKeys(url: string): Promise<string> {
  const response = await fetch(`${url}/models/breast-cancer/keys`, { method: 'POST', headers: OCTETS, body: new Uint8Array(fixture.keyBytes) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { keyId: string }).keyId;
}

function sendPredict(url: string, keyId: string, encrypted: Uint8Array): Promise<Response> {
  return fetch(`${url}/models/breast-cancer/predict?keyId=${keyId}`, { method: 'POST', headers: OCTETS, body: new Uint8Array(encrypted) });
}

async function decrypt(response: Response): Promise<number> {
  return (await fixture.client.deserializeDecryptDequantize(new Uint8Array(await response.arrayBuffer()))).prediction;
}

async function metrics(url: string): Promise<{ storedKeys: number; runs: number; queue: { depth: number; active: number } }> {
  return (await (await fetch(`${url}/metrics`)).json()) as { storedKeys: number; runs: number; queue: { depth: number; active: number } };
}

/** Sends `bytes` to `path` over a raw socket and destroys it once `abortWhen` says so. */
function abandonRequest(url: string, path: string, bytes: Uint8Array, abortWhen: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const request = httpRequest(`${url}${path}`, { method: 'POST', headers: { ...OCTETS, 'content-length': String(bytes.length) } });
    request.on('error', () => undefined);
    request.write(bytes, () => {
      void abortWhen().then(() => {
        request.destroy();
        resolve();
      });
    });
  });
}

describe('faults over a real port', () => {
  it('a full work queue answers 503 overloaded; the waiting run completes and the server keeps serving', async () => {
    // One slot, held by another job, and room for one waiting run.
    const queue = new WorkQueue(1, 1);
    const { app, url } = await startServer({ dirs: [fixture.demo.dir], port: 0, queue });
    try {
      const keyId = await uploadKeys(url);
      const rows = spreadRows(fixture.demo, 2);
      const [first, second] = rows.map((row) => fixture.client.quantizeEncryptSerialize(row)) as [Uint8Array, Uint8Array];
      const release = occupy(queue);
      const waiting = sendPredict(url, keyId, first);
      await until(async () => queue.depth === 1, 'the first run waits');
      const refused = await sendPredict(url, keyId, second);
      expect(refused.status).toBe(503);
      expect(await refused.json()).toMatchObject({ error: 'overloaded' });
      expect((await fetch(`${url}/health`)).status).toBe(200);
      await release();
      const expected = fixture.demo.model.predict(rows);
      expect(await decrypt(await waiting)).toBe(expected[0]);
      expect(await decrypt(await sendPredict(url, keyId, second))).toBe(expected[1]);
    } finally {
      await app.close();
    }
  });

  it('a client that disconnects while its run waits leaves the run to finish and the server serving', async () => {
    const queue = new WorkQueue(1, 8);
    const { app, url } = await startServer({ dirs: [fixture.demo.dir], port: 0, queue });
    try {
      const keyId = await uploadKeys(url);
      const row = fixture.demo.samples[7] as number[];
      const encrypted = fixture.client.quantizeEncryptSerialize(row);
      const release = occupy(queue);
      await abandonRequest(url, `/models/breast-cancer/predict?keyId=${keyId}`, encrypted, () =>
        until(async () => queue.depth === 1, 'the run waits in the queue'),
      );
      await release();
      await until(async () => (await metrics(url)).runs === 1, 'the abandoned run finished');
      await queue.drain();
      expect((await fetch(`${url}/health`)).status).toBe(200);
      expect(await decrypt(await sendPredict(url, keyId, encrypted))).toBe(fixture.demo.model.predict([row])[0]);
    } finally {
      await app.close();
    }
  });

  it('a client that disconnects mid-upload stores no key, in memory or on disk', async () => {
    const { app, url } = await startServer({ dirs: [fixture.demo.dir], port: 0, keyDir });
    try {
      const half = fixture.keyBytes.subarray(0, fixture.keyBytes.length >> 1);
      await abandonRequest(url, '/models/breast-cancer/keys', half, () => new Promise((resolve) => setTimeout(resolve, 50)));
      expect((await fetch(`${url}/health`)).status).toBe(200);
      expect((await metrics(url)).storedKeys).toBe(0);
      expect(await readdir(keyDir)).toEqual([]);
      const keyId = await uploadKeys(url);
      expect((await metrics(url)).storedKeys).toBe(1);
      expect(await readdir(keyDir)).toEqual([`${keyId}.keys`]);
    } finally {
      await app.close();
    }
  });
});
