import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createServer } from './create-server.js';
import { createDemoDeployment } from './demo-deployment.js';

let parent: string;
let app: FastifyInstance;
const WASM = Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'cml-web-routes-'));
  const webRoot = join(parent, 'page');
  await mkdir(join(webRoot, 'assets'), { recursive: true });
  await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>page</title>');
  await writeFile(join(webRoot, 'assets', 'core.wasm'), WASM);
  await writeFile(join(parent, 'secret.txt'), 'outside the web root');
  const demo = await createDemoDeployment(parent);
  app = await createServer({ dirs: [demo.dir], webRoot });
});
afterAll(async () => {
  await app.close();
  await rm(parent, { recursive: true, force: true });
});

describe('the built web client under /app/', () => {
  it('/ redirects to the page', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/app/');
  });

  it('serves index.html cross-origin isolated (COOP/COEP), so the page may use SharedArrayBuffer', async () => {
    const response = await app.inject({ method: 'GET', url: '/app/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(response.headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(response.body).toContain('<title>page</title>');
  });

  it('serves the WASM core as application/wasm (needed by WebAssembly streaming compilation)', async () => {
    const response = await app.inject({ method: 'GET', url: '/app/assets/core.wasm' });
    expect(response.headers['content-type']).toBe('application/wasm');
    expect(new Uint8Array(response.rawPayload)).toEqual(WASM);
  });

  it('a missing file is a JSON 404; nothing outside the web root is reachable', async () => {
    const missing = await app.inject({ method: 'GET', url: '/app/assets/none.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'not_found' });
    for (const url of ['/app/../secret.txt', '/app/..%2fsecret.txt', '/app/%2e%2e/secret.txt', '/app/assets/../../secret.txt']) {
      const response = await app.inject({ method: 'GET', url });
      expect([url, response.statusCode, response.body.includes('outside the web root')]).toEqual([url, 404, false]);
    }
  });
});
