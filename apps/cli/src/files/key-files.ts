import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.js';

/** The files `cml keygen` writes into its keys directory. */
export const KEY_FILES = {
  /** The client's secret key: stays with the client, never sent. */
  secret: 'secret-key.bin',
  /** Public evaluation keys: the file the server gets. */
  evaluation: 'evaluation-keys.bin',
} as const;

/**
 * Where the server role finds the evaluation keys: `--keys` names the evaluation-key file
 * itself, or a keys directory, of which only evaluation-keys.bin is read.
 */
export async function evaluationKeyPath(keys: string): Promise<string> {
  const info = await stat(keys).catch(() => undefined);
  if (info === undefined) throw new UserError(`cannot read evaluation keys ${keys}: ENOENT`);
  return info.isDirectory() ? join(keys, KEY_FILES.evaluation) : keys;
}
