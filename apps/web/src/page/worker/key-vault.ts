/**
 * Keys kept in IndexedDB between visits, one record per circuit fingerprint. A record for
 * another circuit is never read (and deleted once its model is opened with a new circuit); a
 * record the client refuses (damaged, other keys) is deleted by the caller. Runs in the worker: the secret key never reaches the page.
 */

export interface StoredKeyPair {
  readonly fingerprint: string;
  /** The server's model id, so a redeployed model's keys for its old circuit can be dropped. */
  readonly modelId: string;
  readonly secretKey: Uint8Array;
  readonly evaluationKeys: Uint8Array;
  readonly savedAt: number;
}

const DB_NAME = 'cml-keys';
const STORE = 'key-pairs';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function open(): Promise<IDBDatabase> {
  const req = indexedDB.open(DB_NAME, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'fingerprint' });
  return request(req);
}

async function withStore<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    const tx = db.transaction(STORE, mode);
    const result = await request(use(tx.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
    return result;
  } finally {
    db.close();
  }
}

export const keyVault = {
  async get(fingerprint: string): Promise<StoredKeyPair | undefined> {
    return (await withStore('readonly', (store) => store.get(fingerprint))) as StoredKeyPair | undefined;
  },
  async put(pair: StoredKeyPair): Promise<void> {
    await withStore('readwrite', (store) => store.put(pair));
  },
  async delete(fingerprint: string): Promise<void> {
    await withStore('readwrite', (store) => store.delete(fingerprint));
  },
  /** Deletes the pairs of `modelId` made for another circuit than `fingerprint` (stale after a redeployment). */
  async deleteStale(modelId: string, fingerprint: string): Promise<number> {
    const pairs = (await withStore('readonly', (store) => store.getAll())) as StoredKeyPair[];
    const stale = pairs.filter((pair) => pair.modelId === modelId && pair.fingerprint !== fingerprint);
    for (const pair of stale) await keyVault.delete(pair.fingerprint);
    return stale.length;
  },
};
