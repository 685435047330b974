import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { FHEModelClient} from '@cml/ml';
import { DecisionTreeClassifier, FHEModelDev, initTfhe, loadBreastCancer, type FheModel } from '@cml/ml';
import { newClient, OCTETS } from './__fixtures__/demo-client.js';
import { until } from './__fixtures__/queue.js';
import { ServerConfigError } from './errors.js';
import { startServer } from './start-server.js';

// A tree has table lookups (16 of 4 bits at depth 4), so a run is long enough to watch.
let root: string;
let dir: string;
let fhe: FheModel;
let rows: number[][];
let client: FHEModelClient;
let keyBytes: Uint8Array;

beforeAll(async () => {
  // The client's key generation below would load the core single-threaded; a server process
  // (which generates no keys) gets the shared-memory core from createServer.
  await initTfhe({ threads: true });
  root = await mkdtemp(join(tmpdir(), 'cml-server-threads-'));
  const data = await loadBreastCancer();
  fhe = new DecisionTreeClassifier({ maxDepth: 4, randomState: 0 }).fit(data.data, data.target).compile(data.data, { nBits: 4 });
  dir = join(root, 'tree');
  await new FHEModelDev(dir, fhe).save();
  client = await newClient(dir);
  keyBytes = client.getSerializedEvaluationKeys();
  rows = [data.data[0], data.data[100], data.data[200]] as number[][];
});
afterAll(async () => {
  client.dispose();
  await rm(root, { recursive: true, force: true });
});

/** OS threads of this process (Linux): worker threads are OS threads. */
function osThreads(): number {
  return Number(/^Threads:\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
}

async function serve(threads: number | undefined): Promise<{ app: FastifyInstance; url: string; keyId: string }> {
  const { app, url } = await startServer({ dirs: [dir], port: 0, ...(threads === undefined ? {} : { threads }) });
  const response = await fetch(`${url}/models/tree/keys`, { method: 'POST', headers: OCTETS, body: new Uint8Array(keyBytes) });
  expect(response.status).toBe(201);
  return { app, url, keyId: ((await response.json()) as { keyId: string }).keyId };
}

function predict(url: string, keyId: string, row: number[]): Promise<Response> {
  return fetch(`${url}/models/tree/predict?keyId=${keyId}`, { method: 'POST', headers: OCTETS, body: new Uint8Array(client.quantizeEncryptSerialize(row)) });
}

async function decrypted(response: Response): Promise<{ prediction: number; scores: number[] }> {
  expect(response.status).toBe(200);
  return client.deserializeDecryptDequantize(new Uint8Array(await response.arrayBuffer()));
}

/**
 * Latencies (ms) of GET /health requests sent while one predict runs (each sent once the
 * previous answered), and how many were answered before the predict's response.
 */
async function healthDuringRun(url: string, keyId: string): Promise<{ latencies: number[]; answeredDuringRun: number; runMs: number }> {
  const start = performance.now();
  let done = false;
  const run = predict(url, keyId, rows[0] as number[]).then(async (response) => {
    done = true;
    return decrypted(response);
  });
  await until(async () => done || ((await (await fetch(`${url}/metrics`)).json()) as { queue: { active: number } }).queue.active === 1, 'the run started');
  const latencies: number[] = [];
  let answeredDuringRun = 0;
  while (!done) {
    const sent = performance.now();
    const response = await fetch(`${url}/health`);
    latencies.push(performance.now() - sent);
    if (!done) answeredDuringRun += 1;
    expect(response.status).toBe(200);
  }
  await run;
  return { latencies, answeredDuringRun, runMs: performance.now() - start };
}

describe('runs on worker threads', () => {
  it('defaults to a pool for a model with lookups, and frees its threads on close', async () => {
    const before = osThreads();
    const { app, url } = await serve(undefined);
    const health = (await (await fetch(`${url}/health`)).json()) as { threads: number };
    expect(health.threads).toBeGreaterThanOrEqual(1);
    const withPool = osThreads();
    expect(withPool).toBeGreaterThanOrEqual(before + health.threads);
    await app.close();
    expect(osThreads()).toBeLessThanOrEqual(withPool - health.threads);
  });

  it('gives the clear model prediction, and the same decrypted result as an in-process server', async () => {
    const pooled = await serve(2);
    const inProcess = await serve(0);
    try {
      expect(((await (await fetch(`${inProcess.url}/health`)).json()) as { threads: number }).threads).toBe(0);
      const expected = fhe.predict(rows);
      for (const [i, row] of rows.entries()) {
        const fromPool = await decrypted(await predict(pooled.url, pooled.keyId, row));
        expect(fromPool.prediction).toBe(expected[i]);
        expect(fromPool).toEqual(await decrypted(await predict(inProcess.url, inProcess.keyId, row)));
      }
    } finally {
      await pooled.app.close();
      await inProcess.app.close();
    }
  });

  it('answers GET /health while a predict runs on the pool, far sooner than the run takes', async () => {
    const { app, url, keyId } = await serve(2);
    try {
      const { latencies, answeredDuringRun, runMs } = await healthDuringRun(url, keyId);
      expect(answeredDuringRun).toBeGreaterThanOrEqual(3);
      expect(Math.max(...latencies)).toBeLessThan(runMs / 3);
    } finally {
      await app.close();
    }
  });

  it('refuses a thread count that is not an integer from 0 to 256', async () => {
    for (const threads of [-1, 1.5, 257]) {
      await expect(startServer({ dirs: [dir], port: 0, threads })).rejects.toThrow(ServerConfigError);
    }
  });
});
