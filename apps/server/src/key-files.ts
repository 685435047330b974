import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The key id of evaluation keys: a hash of the model id and the uploaded bytes. */
export function keyIdOf(modelId: string, bytes: Uint8Array): string {
  return createHash('sha256').update(modelId).update(bytes).digest('hex').slice(0, 32);
}

/**
 * Uploaded evaluation keys on disk (the `keyDir` option), so a restarted server still knows
 * them. One file per key id, `<id>.keys`:
 *
 *   u16 LE model-id length | model id (UTF-8) | the uploaded key bytes
 *
 * A file is written under a temporary name and renamed, so no reader ever sees a partial key.
 * Reading re-derives the id from the model id and bytes: a damaged file reads as absent.
 */
export class KeyFiles {
  constructor(readonly dir: string) {}

  async save(id: string, modelId: string, bytes: Uint8Array): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const name = new TextEncoder().encode(modelId);
    const head = new Uint8Array(2 + name.length);
    new DataView(head.buffer).setUint16(0, name.length, true);
    head.set(name, 2);
    const temporary = join(this.dir, `.${id}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temporary, [head, bytes]);
      await rename(temporary, this.path(id));
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  /** The stored keys of `id`, or undefined when there is no intact file for it. */
  async load(id: string): Promise<{ modelId: string; bytes: Uint8Array } | undefined> {
    let file: Buffer;
    try {
      file = await readFile(this.path(id));
    } catch {
      return undefined;
    }
    if (file.length < 2) return undefined;
    const nameLength = file.readUInt16LE(0);
    const modelId = new TextDecoder().decode(file.subarray(2, 2 + nameLength));
    // A fresh, aligned copy: the deserializers view it through 8-byte typed arrays.
    const bytes = new Uint8Array(file.subarray(2 + nameLength));
    return keyIdOf(modelId, bytes) === id ? { modelId, bytes } : undefined;
  }

  private path(id: string): string {
    return join(this.dir, `${id}.keys`);
  }
}
