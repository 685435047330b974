import type { EvaluationKeys } from '@cml/tfhe-wasm';

export interface StoredKeys {
  readonly id: string;
  readonly modelId: string;
  readonly keys: EvaluationKeys;
  readonly byteLength: number;
}

interface Entry extends StoredKeys {
  pins: number;
  evicted: boolean;
}

/**
 * Evaluation keys by id, least recently used evicted beyond `capacity`. Keys live in WASM
 * memory, so an evicted entry is disposed — but only once no run still uses it (pinned).
 */
export class KeyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  add(stored: StoredKeys): void {
    const old = this.entries.get(stored.id);
    if (old) this.evict(old);
    this.entries.set(stored.id, { ...stored, pins: 0, evicted: false });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.values().next().value as Entry;
      this.evict(oldest);
    }
  }

  /** Looks keys up, marks them most recently used and pins them until `release` is called. */
  acquire(id: string): { stored: StoredKeys; release: () => void } | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    this.entries.set(id, entry);
    entry.pins += 1;
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      entry.pins -= 1;
      if (entry.evicted && entry.pins === 0) entry.keys.dispose();
    };
    return { stored: entry, release };
  }

  clear(): void {
    for (const entry of [...this.entries.values()]) this.evict(entry);
  }

  private evict(entry: Entry): void {
    this.entries.delete(entry.id);
    entry.evicted = true;
    if (entry.pins === 0) entry.keys.dispose();
  }
}
