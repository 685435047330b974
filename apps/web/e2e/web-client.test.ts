/**
 * The web client end to end in real headless Chromium: a real @cml/server on 127.0.0.1
 * serving the built page and two demo deployments; the page generates keys in its worker,
 * uploads the evaluation keys, encrypts, the server predicts, the page decrypts. Checked
 * against the clear quantized model computed here in Node.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DecisionTreeClassifier, FHEModelDev, loadBreastCancer, type FheModel } from '@cml/ml';
import { createDemoDeployment, createDigitsDeployment, startServer, type DemoDeployment } from '@cml/server';
import type { Browser, Page } from 'playwright-core';
import { builtWebRoot } from '../src/index.js';
import { chromiumAvailable, containsBytes, launchChromium } from './browser.js';

const RESULTS = fileURLToPath(new URL('../test-results', import.meta.url));

interface SentBody {
  readonly url: string;
  readonly body: Uint8Array;
}

let parent: string;
let demo: DemoDeployment;
let digits: DemoDeployment;
let tree: FheModel;
let app: Awaited<ReturnType<typeof startServer>>['app'];
let url: string;
let browser: Browser;
let page: Page;
const sent: SentBody[] = [];
const pageErrors: string[] = [];

/** A depth-3 decision tree on the 30 breast-cancer features: a circuit with table lookups (bootstraps). */
async function createTreeDeployment(dir: string): Promise<FheModel> {
  const data = await loadBreastCancer();
  const model = new DecisionTreeClassifier({ maxDepth: 3 }).fit(data.data, data.target).compile(data.data, { nBits: 3 });
  await new FHEModelDev(join(dir, 'tree'), model).save();
  return model;
}

/** Clicks a button and waits until the action it started has finished; fails on a shown error. */
async function act(selector: string): Promise<void> {
  await page.click(selector);
  await page.waitForSelector('body[data-busy=false]', { timeout: 60_000 });
  expect(await page.textContent('#error')).toBe('');
}

async function openPage(query = ''): Promise<void> {
  await page.goto(`${url}/app/${query}`);
  await page.waitForSelector('body[data-ready=true][data-busy=false]', { timeout: 60_000 });
  expect(await page.textContent('#error')).toBe('');
}

/** The step table as { step: ms }. */
async function stepTimes(): Promise<Record<string, number>> {
  const rows = await page.$$eval('#steps tr', (trs) => trs.map((tr) => [tr.dataset['step'] ?? '', Number(tr.dataset['ms'])] as const));
  return Object.fromEntries(rows);
}

async function shownPrediction(): Promise<{ prediction: number; features: number[] }> {
  const prediction = await page.getAttribute('#prediction', 'data-prediction');
  const features = await page.getAttribute('#prediction', 'data-features');
  expect(await page.getAttribute('#prediction', 'data-state')).toBe('done');
  return { prediction: Number(prediction), features: JSON.parse(features ?? '[]') as number[] };
}

async function fingerprint(modelId: string): Promise<string> {
  return ((await (await fetch(`${url}/models/${modelId}/client`)).json()) as { circuit: { circuit: string } }).circuit.circuit;
}

/** No request body sent so far holds any 64-byte window of the model's stored secret-key bits. */
async function expectNoSecretKeySent(modelId: string): Promise<void> {
  const secret = await storedSecretKey(await fingerprint(modelId));
  expect(secret).toBeDefined();
  const key = secret as Uint8Array;
  // The frame ends with the GLWE key bits (one byte per bit), then an 8-byte CRC.
  const windows = Array.from({ length: 8 }, (_, j) => key.subarray(key.length - 8 - 64 * (j + 1), key.length - 8 - 64 * j));
  for (const window of windows) expect(window.every((bit) => bit <= 1)).toBe(true);
  for (const { url: target, body } of sent) {
    for (const window of windows) expect([target, containsBytes(body, window)]).toEqual([target, false]);
  }
}

/** The secret key the page stored in IndexedDB for a circuit (read back in the page's origin). */
async function storedSecretKey(circuit: string): Promise<Uint8Array | undefined> {
  const bytes = await page.evaluate(async (key) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('cml-keys');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const record = await new Promise<{ secretKey: Uint8Array } | undefined>((resolve, reject) => {
      const request = db.transaction('key-pairs').objectStore('key-pairs').get(key);
      request.onsuccess = () => resolve(request.result as { secretKey: Uint8Array } | undefined);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return record ? Array.from(record.secretKey) : undefined;
  }, circuit);
  return bytes ? Uint8Array.from(bytes) : undefined;
}

/** A record written straight into the page's key store, or the store's keys (fingerprints), in the page's origin. */
async function keyStore(op: 'put', record: { fingerprint: string; modelId: string }): Promise<unknown>;
async function keyStore(op: 'fingerprints'): Promise<string[]>;
async function keyStore(op: 'put' | 'fingerprints', record?: { fingerprint: string; modelId: string }): Promise<unknown> {
  return page.evaluate(
    async ({ op, record }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('cml-keys');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const store = db.transaction('key-pairs', 'readwrite').objectStore('key-pairs');
      const request: IDBRequest =
        op === 'put' ? store.put({ ...record, secretKey: new Uint8Array(16), evaluationKeys: new Uint8Array(16), savedAt: 0 }) : store.getAllKeys();
      const result = await new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      db.close();
      return result;
    },
    { op, record },
  );
}

function report(label: string, times: Record<string, number>): void {
  const line = Object.entries(times).map(([step, ms]) => `${step} ${ms.toFixed(0)} ms`).join(', ');
  process.stderr.write(`web e2e ${label}: ${line}\n`);
}

(chromiumAvailable() ? describe : describe.skip)('the web client in headless Chromium', () => {
  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'cml-web-e2e-'));
    [demo, digits, tree] = await Promise.all([createDemoDeployment(parent), createDigitsDeployment(parent), createTreeDeployment(parent)]);
    const dirs = [demo.dir, digits.dir, join(parent, 'tree')];
    ({ app, url } = await startServer({ dirs, port: 0, webRoot: builtWebRoot() }));
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1100, height: 1000 } })).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => {
      const body = request.postDataBuffer();
      if (body) sent.push({ url: request.url(), body: new Uint8Array(body) });
    });
    await mkdir(RESULTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (parent) await rm(parent, { recursive: true, force: true });
  });

  it('generates keys in its worker, uploads them, and shows the clear quantized model prediction for a sample', async () => {
    await openPage();
    expect(await page.inputValue('#model')).toBe('breast-cancer');
    expect(await page.getAttribute('#key-status', 'data-state')).toBe('none');
    await act('#keygen');
    expect(await page.getAttribute('#key-status', 'data-state')).toBe('generated');
    expect(await page.getAttribute('#upload-status', 'data-key-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(Number(await page.getAttribute('#upload-progress', 'data-events'))).toBeGreaterThan(0);
    for (const sample of ['2', '9']) {
      await page.selectOption('#sample', sample);
      await act('#predict');
      const { prediction, features } = await shownPrediction();
      // The page's bundled row is the data set's row, and the prediction is the clear model's.
      const label = await page.$eval('#sample', (select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
      const rowIndex = Number(/row (\d+)/.exec(label)?.[1]);
      expect(features).toEqual(demo.samples[rowIndex]);
      expect(prediction).toBe(demo.model.predict([features])[0]);
    }
    report('breast-cancer (fresh keys)', await stepTimes());
    await page.screenshot({ path: join(RESULTS, 'web-e2e-breast-cancer.png'), fullPage: true });
  });

  it('never sends the secret key: no request body holds any window of its bits', async () => {
    await expectNoSecretKeySent('breast-cancer');
    // A linear model bootstraps nothing: its evaluation keys are the mask seed alone.
    const upload = sent.find((s) => s.url.endsWith('/models/breast-cancer/keys'));
    expect(upload?.body.length).toBeGreaterThan(0);
    expect(upload?.body.length).toBeLessThan(1024);
    expect(sent.filter((s) => s.url.includes('/predict')).length).toBe(2);
  });

  it('after a reload the keys come from IndexedDB, not a new key generation, and still decrypt', async () => {
    await openPage();
    expect(await page.getAttribute('#key-status', 'data-state')).toBe('restored');
    const times = await stepTimes();
    expect(Object.keys(times)).toEqual(['keys restored from IndexedDB', 'evaluation-key upload']);
    await page.selectOption('#sample', '5');
    await act('#predict');
    const { prediction, features } = await shownPrediction();
    expect(prediction).toBe(demo.model.predict([features])[0]);
    report('breast-cancer (keys from IndexedDB)', await stepTimes());
  });

  it('classifies a digit drawn on the canvas as the clear model does, with keys of its own circuit', async () => {
    await page.selectOption('#model', 'digits');
    await page.waitForSelector('body[data-busy=false]');
    // The breast-cancer keys in IndexedDB belong to another circuit: not offered here.
    expect(await page.getAttribute('#key-status', 'data-state')).toBe('none');
    expect(await page.isVisible('#digit-canvas')).toBe(true);
    await act('#keygen');
    await page.click('#digit-clear');
    const box = await page.locator('#digit-canvas').boundingBox();
    if (!box) throw new Error('the digit canvas is not laid out');
    // A "7": a top bar, then a diagonal down to the bottom left.
    const at = (fx: number, fy: number): [number, number] => [box.x + fx * box.width, box.y + fy * box.height];
    await page.mouse.move(...at(0.25, 0.2));
    await page.mouse.down();
    for (const [fx, fy] of [[0.75, 0.2], [0.6, 0.5], [0.45, 0.85]] as const) await page.mouse.move(...at(fx, fy), { steps: 12 });
    await page.mouse.up();
    await act('#predict');
    const { prediction, features } = await shownPrediction();
    expect(features).toHaveLength(64);
    expect(features.filter((v) => v > 0).length).toBeGreaterThan(8);
    expect(features.every((v) => Number.isInteger(v) && v >= 0 && v <= 16)).toBe(true);
    expect(prediction).toBe(digits.model.predict([features])[0]);
    report(`digits (drawn, predicted ${prediction})`, await stepTimes());
    await page.screenshot({ path: join(RESULTS, 'web-e2e-digits.png'), fullPage: true });
  });

  it('runs a decision tree, whose circuit bootstraps on the server, as the clear quantized model', async () => {
    await openPage('?model=tree');
    expect(await page.textContent('#model-info')).toMatch(/[1-9]\d* bootstraps per run/);
    await act('#keygen');
    for (const sample of ['1', '4']) {
      await page.selectOption('#sample', sample);
      await act('#predict');
      const { prediction, features } = await shownPrediction();
      expect(prediction).toBe(tree.predict([features])[0]);
    }
    report('decision tree (with bootstraps)', await stepTimes());
    // Its evaluation keys hold the bootstrap and keyswitch keys (encryptions of secret-key
    // bits): megabytes that must not carry the secret key itself.
    const upload = sent.find((s) => s.url.endsWith('/models/tree/keys'));
    expect(upload?.body.length).toBeGreaterThan(1_000_000);
    await expectNoSecretKeySent('tree');
  });

  it('"forget keys" removes only that circuit\'s keys from IndexedDB', async () => {
    await openPage('?model=digits');
    expect(await page.getAttribute('#key-status', 'data-state')).toBe('restored');
    await act('#forget');
    expect(await storedSecretKey(await fingerprint('digits'))).toBeUndefined();
    await openPage('?model=digits');
    expect(await page.getAttribute('#key-status', 'data-state')).toBe('none');
    await openPage('?model=breast-cancer');
    expect(await page.getAttribute('#key-status', 'data-state')).toBe('restored');
    expect(pageErrors).toEqual([]);
  });

  it('drops stored keys it cannot use: another circuit of the same model, a damaged record', async () => {
    const circuit = await fingerprint('breast-cancer');
    await keyStore('put', { fingerprint: 'an-older-circuit', modelId: 'breast-cancer' });
    await openPage('?model=breast-cancer');
    expect(await page.getAttribute('#key-status', 'data-state')).toBe('restored');
    expect(await keyStore('fingerprints')).not.toContain('an-older-circuit');

    // Zeroed bytes under the circuit's own fingerprint: refused by the client, so deleted.
    await keyStore('put', { fingerprint: circuit, modelId: 'breast-cancer' });
    await openPage('?model=breast-cancer');
    expect(await page.getAttribute('#key-status', 'data-state')).toBe('none');
    expect(await storedSecretKey(circuit)).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });
});
