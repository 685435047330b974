import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyFiles, keyIdOf } from './key-files.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cml-key-files-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37) % 256);

describe('KeyFiles', () => {
  it('reads back what it saved, under the id of model and bytes, leaving no temporary file', async () => {
    const files = new KeyFiles(join(dir, 'keys'));
    const id = keyIdOf('breast-cancer', bytes);
    await files.save(id, 'breast-cancer', bytes);
    expect(await files.load(id)).toEqual({ modelId: 'breast-cancer', bytes });
    expect(await readdir(join(dir, 'keys'))).toEqual([`${id}.keys`]);
  });

  it('an unknown id reads as absent', async () => {
    expect(await new KeyFiles(dir).load('0'.repeat(32))).toBeUndefined();
  });

  it('a damaged file reads as absent (its content no longer hashes to its id)', async () => {
    const files = new KeyFiles(dir);
    const id = keyIdOf('m', bytes);
    await files.save(id, 'm', bytes);
    const path = join(dir, `${id}.keys`);
    const damaged = new Uint8Array(await readFile(path));
    damaged[500] = (damaged[500] as number) ^ 1;
    await writeFile(path, damaged);
    expect(await files.load(id)).toBeUndefined();
  });
});
