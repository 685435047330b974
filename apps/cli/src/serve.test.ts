import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FHEModelClient, FHEModelDev, LogisticRegression, loadBreastCancer, type FheModel } from '@cml/ml';
import { bin, cmlAsync, expectUserError } from './__fixtures__/run-cml.js';

let root: string;
let dir: string;
let fhe: FheModel;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cml-serve-'));
  dir = join(root, 'cancer-lr');
  const data = await loadBreastCancer();
  const x = data.data.map((r) => r.slice(0, 5));
  fhe = new LogisticRegression({ maxIter: 200 }).fit(x, data.target).compile(x, { nBits: 3 });
  await new FHEModelDev(dir, fhe).save();
});
afterAll(() => rm(root, { recursive: true, force: true }));

interface Serving {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  /** Resolves with the exit code and everything printed once the process ends. */
  readonly exited: Promise<{ status: number | null; stdout: string; stderr: string }>;
}

/** Starts `cml serve ...` and resolves once it prints the URL it listens on. */
function serve(...args: string[]): Promise<Serving> {
  const child = spawn(process.execPath, [bin, 'serve', ...args]);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (status) => resolve({ status, stdout, stderr })),
  );
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url) resolve({ child, url, exited });
    });
    void exited.then((r) => reject(new Error(`cml serve exited (${r.status}) before listening: ${r.stderr}`)));
  });
}

describe('cml serve', () => {
  it('serves a deployment directory on a free port and stops gracefully on SIGTERM', async () => {
    const server = await serve('--dir', dir, '--port', '0', '--no-web');
    try {
      expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: 'ok', models: 1, threads: 0 });
      const { models } = (await (await fetch(`${server.url}/models`)).json()) as { models: { id: string; nFeatures: number }[] };
      expect(models.map((m) => [m.id, m.nFeatures])).toEqual([['cancer-lr', 5]]);
      expect((await fetch(`${server.url}/models/nope/client`)).status).toBe(404);
    } finally {
      server.child.kill('SIGTERM');
    }
    const end = await server.exited;
    expect(end.status).toBe(0);
    expect(end.stdout).toMatch(/cml serve: stopped\n$/);
    expect(end.stderr).toBe('');
  });

  it('--threads runs the bootstraps on that many worker threads', async () => {
    const server = await serve('--dir', dir, '--port', '0', '--no-web', '--threads', '2');
    try {
      expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: 'ok', models: 1, threads: 2 });
    } finally {
      server.child.kill('SIGTERM');
    }
    expect((await server.exited).status).toBe(0);
  });

  it('--demo serves the built-in models beside the given directories and stops on SIGINT', async () => {
    const server = await serve('--demo', '--dir', dir, '--port', '0');
    try {
      const { models } = (await (await fetch(`${server.url}/models`)).json()) as { models: { id: string }[] };
      expect(models.map((m) => m.id).sort()).toEqual(['breast-cancer', 'cancer-lr', 'digits']);
      const client = (await (await fetch(`${server.url}/models/breast-cancer/client`)).json()) as { model: { modelName: string } };
      expect(client.model.modelName).toBe('LogisticRegression');
    } finally {
      server.child.kill('SIGINT');
    }
    expect((await server.exited).status).toBe(0);
  });

  it('--key-dir keeps uploaded evaluation keys across a restart', async () => {
    const keyDir = join(root, 'server-keys');
    const client = new FHEModelClient(dir);
    await client.generatePrivateAndEvaluationKeys();
    const row = [14, 20, 90, 600, 0.1];
    try {
      const first = await serve('--dir', dir, '--port', '0', '--no-web', '--key-dir', keyDir);
      let keyId: string;
      try {
        const upload = await fetch(`${first.url}/models/cancer-lr/keys`, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream' },
          body: Buffer.from(client.getSerializedEvaluationKeys()),
        });
        expect(upload.status).toBe(201);
        keyId = ((await upload.json()) as { keyId: string }).keyId;
      } finally {
        first.child.kill('SIGTERM');
      }
      expect((await first.exited).status).toBe(0);
      expect((await readdir(keyDir)).length).toBeGreaterThan(0);

      // A new process: the key id works without uploading the keys again.
      const second = await serve('--dir', dir, '--port', '0', '--no-web', '--key-dir', keyDir);
      try {
        const reply = await fetch(`${second.url}/models/cancer-lr/predict?keyId=${keyId}`, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream' },
          body: Buffer.from(client.quantizeEncryptSerialize(row)),
        });
        expect(reply.status).toBe(200);
        const result = await client.deserializeDecryptDequantize(new Uint8Array(await reply.arrayBuffer()));
        expect(result.prediction).toBe(fhe.predict([row])[0]);
      } finally {
        second.child.kill('SIGTERM');
      }
      expect((await second.exited).status).toBe(0);
    } finally {
      client.dispose();
    }
  });

  it('refuses bad arguments, a missing directory and a busy port with one line and exit code 1', async () => {
    expectUserError(await cmlAsync('serve'), /serve needs --dir <deployment dir> \(repeatable\) or --demo/);
    expectUserError(await cmlAsync('serve', '--dir', dir, '--port', 'http'), /--port must be an integer from 0 to 65535, got 'http'/);
    expectUserError(await cmlAsync('serve', '--dir', dir, '--max-keys', '0'), /--max-keys must be a positive integer, got '0'/);
    expectUserError(await cmlAsync('serve', '--dir', dir, '--threads', 'many'), /--threads must be an integer from 0 to 256, got 'many'/);
    expectUserError(await cmlAsync('serve', '--dir', join(root, 'nowhere')), /nowhere is not a deployment directory/);
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((busy.address() as AddressInfo).port);
      expectUserError(await cmlAsync('serve', '--dir', dir, '--port', port, '--no-web'), new RegExp(`port ${port} on 127.0.0.1 is already in use`));
    } finally {
      busy.close();
    }
  });
});
