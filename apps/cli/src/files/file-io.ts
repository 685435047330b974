import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UserError } from '../errors.js';

/** Reads a whole file; a missing or unreadable one is a one-line UserError naming it. */
export async function readBytes(path: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new UserError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Writes a file, creating its directory; `secret` files are readable by their owner only. */
export async function writeBytes(path: string, bytes: Uint8Array, options: { secret?: boolean } = {}): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes, options.secret ? { mode: 0o600 } : {});
    // `mode` applies only when the file is created: an overwritten file keeps its old mode.
    if (options.secret) await chmod(path, 0o600);
  } catch (error) {
    throw new UserError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
