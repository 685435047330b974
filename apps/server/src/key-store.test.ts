import { describe, expect, it } from '@jest/globals';
import type { EvaluationKeys } from '@cml/tfhe-wasm';
import { KeyStore } from './key-store.js';

/** Stands in for WASM-backed keys: only dispose() matters to the store. */
function fakeKeys(): { keys: EvaluationKeys; disposed: () => boolean } {
  let disposed = false;
  const keys = { dispose: () => void (disposed = true) } as unknown as EvaluationKeys;
  return { keys, disposed: () => disposed };
}

describe('KeyStore', () => {
  it('evicts and disposes the least recently used keys beyond its capacity', () => {
    const store = new KeyStore(2);
    const [a, b, c] = [fakeKeys(), fakeKeys(), fakeKeys()];
    store.add({ id: 'a', modelId: 'm', keys: a.keys, byteLength: 1 });
    store.add({ id: 'b', modelId: 'm', keys: b.keys, byteLength: 1 });
    store.acquire('a')?.release(); // a is now the most recently used
    store.add({ id: 'c', modelId: 'm', keys: c.keys, byteLength: 1 });
    expect(store.acquire('b')).toBeUndefined();
    expect(b.disposed()).toBe(true);
    expect(a.disposed()).toBe(false);
    expect(store.size).toBe(2);
  });

  it('disposes evicted keys only after the run holding them releases them', () => {
    const store = new KeyStore(1);
    const a = fakeKeys();
    store.add({ id: 'a', modelId: 'm', keys: a.keys, byteLength: 1 });
    const held = store.acquire('a');
    store.add({ id: 'b', modelId: 'm', keys: fakeKeys().keys, byteLength: 1 });
    expect(a.disposed()).toBe(false);
    held?.release();
    held?.release();
    expect(a.disposed()).toBe(true);
  });

  it('clear disposes every stored key set', () => {
    const store = new KeyStore(3);
    const all = [fakeKeys(), fakeKeys()];
    all.forEach((k, i) => store.add({ id: String(i), modelId: 'm', keys: k.keys, byteLength: 1 }));
    store.clear();
    expect(all.map((k) => k.disposed())).toEqual([true, true]);
    expect(store.size).toBe(0);
  });
});
