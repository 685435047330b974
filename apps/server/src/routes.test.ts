import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { Client } from '@cml/compiler';
import type { FHEModelClient } from '@cml/ml';
import { createServer } from './create-server.js';
import { demoFixture, newClient, OCTETS, spreadRows, type DemoFixture } from './__fixtures__/demo-client.js';

let fixture: DemoFixture;
let app: FastifyInstance;
let keyId: string;

beforeAll(async () => {
  fixture = await demoFixture();
  // The same deployment under two ids: keys uploaded for one must not run on the other.
  app = await createServer({ models: [{ id: 'cancer', dir: fixture.demo.dir }, { id: 'twin', dir: fixture.demo.dir }] });
  const upload = await app.inject({ method: 'POST', url: '/models/cancer/keys', headers: OCTETS, payload: Buffer.from(fixture.keyBytes) });
  expect(upload.statusCode).toBe(201);
  keyId = upload.json<{ keyId: string }>().keyId;
});
afterAll(async () => {
  await app.close();
  await fixture.dispose();
});

async function predict(model: string, key: string, body: Uint8Array): Promise<{ status: number; body: Buffer; json: () => unknown }> {
  const response = await app.inject({ method: 'POST', url: `/models/${model}/predict?keyId=${key}`, headers: OCTETS, payload: Buffer.from(body) });
  return { status: response.statusCode, body: response.rawPayload, json: () => response.json() };
}

async function encryptedPrediction(client: FHEModelClient, row: number[]): Promise<number> {
  const response = await predict('cancer', keyId, client.quantizeEncryptSerialize(row));
  expect(response.status).toBe(200);
  return (await client.deserializeDecryptDequantize(new Uint8Array(response.body))).prediction;
}

describe('model and status routes', () => {
  it('GET /health and GET /models list the served models', async () => {
    expect((await app.inject('/health')).json()).toEqual({ status: 'ok', models: 2, threads: 0 });
    const { models } = (await app.inject('/models')).json<{ models: { id: string; nFeatures: number; bootstrapsPerRun: number }[] }>();
    expect(models.map((m) => m.id)).toEqual(['cancer', 'twin']);
    expect(models[0]?.nFeatures).toBe(30);
    expect(models[0]?.bootstrapsPerRun).toBeGreaterThanOrEqual(0);
  });

  it('GET /models/:id/client gives a loadable client spec with quantization and parameters, and no key material', async () => {
    const response = await app.inject('/models/cancer/client');
    expect(response.statusCode).toBe(200);
    const description = response.json<{ model: { input: unknown; nFeatures: number }; circuit: { parameters: { name: string } }; clientBin: string }>();
    expect(description.model.nFeatures).toBe(30);
    expect(description.model.input).toBeDefined();
    const client = Client.load(new Uint8Array(Buffer.from(description.clientBin, 'base64')));
    expect(client.spec.parameters.name).toBe(description.circuit.parameters.name);
    expect(response.body).not.toMatch(/secret|clientKey|lweKey/i);
  });
});

describe('encrypted prediction through the routes', () => {
  it('decrypted predictions equal the clear quantized model on rows of both classes', async () => {
    const rows = spreadRows(fixture.demo, 6);
    const expected = fixture.demo.model.predict(rows);
    expect(new Set(expected).size).toBe(2);
    const got: number[] = [];
    for (const row of rows) got.push(await encryptedPrediction(fixture.client, row));
    expect(got).toEqual(expected);
  });

  it('re-uploading the same keys gives the same key id', async () => {
    const again = await app.inject({ method: 'POST', url: '/models/cancer/keys', headers: OCTETS, payload: Buffer.from(fixture.keyBytes) });
    expect(again.json()).toMatchObject({ keyId });
  });

  it('GET /metrics counts requests and reports bootstraps per second', async () => {
    const metrics = (await app.inject('/metrics')).json<{ requests: Record<string, number>; runs: number; bootstraps: number; queue: { depth: number } }>();
    const { models } = (await app.inject('/models')).json<{ models: { bootstrapsPerRun: number }[] }>();
    expect(metrics.requests['POST /models/:id/predict 200']).toBeGreaterThanOrEqual(6);
    expect(metrics.runs).toBe(metrics.requests['POST /models/:id/predict 200']);
    expect(metrics.bootstraps).toBe(metrics.runs * (models[0]?.bootstrapsPerRun ?? NaN));
    expect(metrics.queue.depth).toBe(0);
  });
});

describe('bad input gets a typed JSON error and the server keeps serving', () => {
  const garbage = new Uint8Array(600).map((_, i) => (i * 37) % 251);

  it('garbage key bytes -> 400, unknown model -> 404, wrong content type -> 415', async () => {
    const keys = await app.inject({ method: 'POST', url: '/models/cancer/keys', headers: OCTETS, payload: Buffer.from(garbage) });
    expect(keys.statusCode).toBe(400);
    expect(keys.json()).toMatchObject({ error: 'bad_payload' });
    const unknown = await app.inject({ method: 'POST', url: '/models/nothing/keys', headers: OCTETS, payload: Buffer.from(fixture.keyBytes) });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: 'unknown_model' });
    expect((await app.inject('/models/nothing/client')).statusCode).toBe(404);
    const json = await app.inject({ method: 'POST', url: '/models/cancer/keys', payload: { keys: 'x' } });
    expect(json.statusCode).toBe(415);
    expect(json.json()).toMatchObject({ error: 'unsupported_media_type' });
  });

  it('garbage or truncated ciphertexts -> 400; missing or malformed key id -> 400; unknown key id -> 404', async () => {
    expect((await predict('cancer', keyId, garbage)).status).toBe(400);
    const good = fixture.client.quantizeEncryptSerialize(fixture.demo.samples[0] as number[]);
    const truncated = await predict('cancer', keyId, good.slice(0, good.length - 9));
    expect(truncated.status).toBe(400);
    expect(truncated.json()).toMatchObject({ error: 'bad_payload' });
    expect((await predict('cancer', 'not-hex', good)).status).toBe(400);
    const noKey = await app.inject({ method: 'POST', url: '/models/cancer/predict', headers: OCTETS, payload: Buffer.from(good) });
    expect(noKey.statusCode).toBe(400);
    const unknownKey = await predict('cancer', 'f'.repeat(32), good);
    expect(unknownKey.status).toBe(404);
    expect(unknownKey.json()).toMatchObject({ error: 'unknown_key' });
  });

  it('keys of another model, or a ciphertext under other keys -> 409', async () => {
    const good = fixture.client.quantizeEncryptSerialize(fixture.demo.samples[0] as number[]);
    const otherModel = await predict('twin', keyId, good);
    expect(otherModel.status).toBe(409);
    expect(otherModel.json()).toMatchObject({ error: 'key_mismatch' });
    const stranger = await newClient(fixture.demo.dir);
    try {
      const foreign = await predict('cancer', keyId, stranger.quantizeEncryptSerialize(fixture.demo.samples[0] as number[]));
      expect(foreign.status).toBe(409);
    } finally {
      stranger.dispose();
    }
  });

  it('bodies over the limits -> 413, and a valid request afterwards still gets the right answer', async () => {
    // One byte under each body: lookup-free keys (~240 B) and seeded inputs (~0.5 kB) are small.
    const input = fixture.client.quantizeEncryptSerialize(fixture.demo.samples[0] as number[]);
    const small = await createServer({ dirs: [fixture.demo.dir], maxKeyBytes: fixture.keyBytes.length - 1, maxInputBytes: input.length - 1 });
    try {
      const keys = await small.inject({ method: 'POST', url: '/models/breast-cancer/keys', headers: OCTETS, payload: Buffer.from(fixture.keyBytes) });
      expect(keys.statusCode).toBe(413);
      expect(keys.json()).toMatchObject({ error: 'too_large' });
      const response = await small.inject({ method: 'POST', url: `/models/breast-cancer/predict?keyId=${keyId}`, headers: OCTETS, payload: Buffer.from(input) });
      expect(response.statusCode).toBe(413);
    } finally {
      await small.close();
    }
    const row = fixture.demo.samples[1] as number[];
    expect(await encryptedPrediction(fixture.client, row)).toBe(fixture.demo.model.predict([row])[0]);
  });
});
