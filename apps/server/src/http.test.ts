import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { startServer } from './start-server.js';
import { WorkQueue } from './work-queue.js';
import { occupy, until } from './__fixtures__/queue.js';
import { demoFixture, OCTETS, spreadRows, type DemoFixture } from './__fixtures__/demo-client.js';

let fixture: DemoFixture;

beforeAll(async () => {
  fixture = await demoFixture();
});
afterAll(() => fixture.dispose());

async function uploadKeys(url: string): Promise<string> {
  const response = await fetch(`${url}/models/breast-cancer/keys`, { method: 'POST', headers: OCTETS, body: new Uint8Array(fixture.keyBytes) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { keyId: string }).keyId;
}

function predictOver(url: string, keyId: string, row: number[]): Promise<Response> {
  return send(url, keyId, fixture.client.quantizeEncryptSerialize(row));
}

function send(url: string, keyId: string, encrypted: Uint8Array): Promise<Response> {
  return fetch(`${url}/models/breast-cancer/predict?keyId=${keyId}`, { method: 'POST', headers: OCTETS, body: new Uint8Array(encrypted) });
}

/** Encrypts every row first, then sends them all at once (so they really overlap). */
function predictAllAtOnce(url: string, keyId: string, rows: number[][]): Promise<Response[]> {
  const encrypted = rows.map((row) => fixture.client.quantizeEncryptSerialize(row));
  return Promise.all(encrypted.map((bytes) => send(url, keyId, bytes)));
}

async function decrypt(response: Response): Promise<number> {
  return (await fixture.client.deserializeDecryptDequantize(new Uint8Array(await response.arrayBuffer()))).prediction;
}

describe('over a real port on 127.0.0.1', () => {
  let app: FastifyInstance;
  let url: string;
  let keyId: string;

  beforeAll(async () => {
    ({ app, url } = await startServer({ dirs: [fixture.demo.dir], port: 0, maxQueue: 64 }));
    keyId = await uploadKeys(url);
  });
  afterAll(() => app.close());

  it('a round trip gives the clear model prediction', async () => {
    const row = fixture.demo.samples[3] as number[];
    const response = await predictOver(url, keyId, row);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(await decrypt(response)).toBe(fixture.demo.model.predict([row])[0]);
  });

  it('a client that disconnects mid-upload leaves the server serving', async () => {
    await new Promise<void>((resolve) => {
      const request = httpRequest(`${url}/models/breast-cancer/keys`, {
        method: 'POST',
        headers: { ...OCTETS, 'content-length': String(fixture.keyBytes.length) },
      });
      request.on('error', () => resolve());
      request.write(fixture.keyBytes.subarray(0, 1 << 20), () => {
        request.destroy();
        resolve();
      });
    });
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const row = fixture.demo.samples[4] as number[];
    expect(await decrypt(await predictOver(url, keyId, row))).toBe(fixture.demo.model.predict([row])[0]);
  });

  it('load: 50 concurrent clients all get their own correct prediction', async () => {
    const rows = spreadRows(fixture.demo, 50);
    const expected = fixture.demo.model.predict(rows);
    const start = performance.now();
    const responses = await predictAllAtOnce(url, keyId, rows);
    const seconds = (performance.now() - start) / 1000;
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
    const got = await Promise.all(responses.map(decrypt));
    expect(got).toEqual(expected);
    const metrics = (await (await fetch(`${url}/metrics`)).json()) as { latencies: Record<string, { maxMs: number }> };
    process.stderr.write(
      `load: 50 clients in ${seconds.toFixed(1)} s, max predict latency ${metrics.latencies['POST /models/:id/predict']?.maxMs.toFixed(0)} ms\n`,
    );
  });
});

describe('shutdown', () => {
  it('closing the server finishes in-flight runs, then refuses connections', async () => {
    const queue = new WorkQueue(1, 64);
    const { app, url } = await startServer({ dirs: [fixture.demo.dir], port: 0, queue });
    const keyId = await uploadKeys(url);
    const rows = spreadRows(fixture.demo, 3);
    // All three requests are inside the server, waiting behind another job, when close() starts.
    const release = occupy(queue);
    const inFlight = predictAllAtOnce(url, keyId, rows);
    await until(() => queue.depth === 3, 'the three runs wait in the queue');
    const closed = app.close();
    const closeStart = performance.now();
    await release();
    await closed;
    // Responses finished during close() drop their keep-alive sockets; otherwise close()
    // would wait out the server's keepAliveTimeout (72 s) for them.
    expect(performance.now() - closeStart).toBeLessThan(app.server.keepAliveTimeout / 2);
    const responses = await inFlight;
    expect(responses.map((r) => r.headers.get('connection'))).toEqual(['close', 'close', 'close']);
    expect(await Promise.all(responses.map(decrypt))).toEqual(fixture.demo.model.predict(rows));
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });
});
