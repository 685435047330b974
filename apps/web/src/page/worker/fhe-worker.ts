/**
 * The FHE worker: owns the model client and its secret key. Key generation, encryption and
 * decryption run here (WASM, off the page's main thread); keys persist in IndexedDB.
 */
import { FHEModelClient } from '@cml/ml/client';
import { keyVault } from './key-vault.js';
import type { Phase, ReplyMessage, RequestKind, RequestMessage, WorkerRequests } from './protocol.js';

/** What a handler can do besides returning: report the phase it starts. */
type Report = (phase: Phase) => void;
type Handlers = { [K in RequestKind]: (request: WorkerRequests[K]['request'], report: Report) => Promise<WorkerRequests[K]['reply']> };

class NoModelError extends Error {
  override readonly name = 'NoModelError';
  constructor() {
    super('no model is open in the worker');
  }
}

interface OpenClient {
  readonly client: FHEModelClient;
  readonly modelId: string;
  readonly fingerprint: string;
}

let current: OpenClient | undefined;

function opened(): OpenClient {
  if (!current) throw new NoModelError();
  return current;
}

const handlers: Handlers = {
  async open({ modelId, specJson, clientBin, fingerprint }) {
    current?.client.dispose();
    current = { client: FHEModelClient.fromBytes(specJson, clientBin), modelId, fingerprint };
    await keyVault.deleteStale(modelId, fingerprint).catch(() => 0);
    const stored = await keyVault.get(fingerprint).catch(() => undefined);
    if (!stored) return { restored: undefined };
    const start = performance.now();
    try {
      await current.client.loadKeys(stored.secretKey, stored.evaluationKeys);
    } catch {
      await keyVault.delete(fingerprint);
      return { restored: undefined };
    }
    return { restored: { evaluationKeys: stored.evaluationKeys, ms: performance.now() - start } };
  },

  async keygen(_request, report) {
    const { client, modelId, fingerprint } = opened();
    report('loading the WASM core');
    await client.load();
    report('generating keys');
    const start = performance.now();
    await client.generatePrivateAndEvaluationKeys();
    const ms = performance.now() - start;
    report('serializing keys');
    const evaluationKeys = client.getSerializedEvaluationKeys();
    report('saving keys in IndexedDB');
    // Without storage (private browsing, quota) the keys still serve this visit.
    const saved = await keyVault.put({ fingerprint, modelId, secretKey: client.serializeSecretKey(), evaluationKeys, savedAt: Date.now() }).then(
      () => true,
      () => false,
    );
    return { evaluationKeys, ms, saved };
  },

  async encrypt({ row }) {
    const start = performance.now();
    const bytes = opened().client.quantizeEncryptSerialize(row);
    return { bytes, ms: performance.now() - start };
  },

  async decrypt({ bytes }) {
    const start = performance.now();
    const result = await opened().client.deserializeDecryptDequantize(bytes);
    return { result, ms: performance.now() - start };
  },

  async forget() {
    const { client, fingerprint } = opened();
    client.dispose();
    await keyVault.delete(fingerprint);
    return { forgotten: true };
  },
};

const scope = self as unknown as { postMessage(message: ReplyMessage, transfer?: Transferable[]): void };

self.addEventListener('message', (event: MessageEvent<RequestMessage>) => {
  const { id, kind, request } = event.data;
  const report: Report = (phase) => scope.postMessage({ id, type: 'progress', phase });
  const handler = handlers[kind] as (request: unknown, report: Report) => Promise<unknown>;
  handler(request, report).then(
    (reply) => scope.postMessage({ id, type: 'done', reply }),
    (error: unknown) => {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      scope.postMessage({ id, type: 'failed', error: { name, message } });
    },
  );
});
