import type * as FsPromises from 'node:fs/promises';
import { DeploymentError } from '../fhe/errors.js';

/** File names of a deployment directory. */
export const DEPLOYMENT_FILES = {
  /** Client: quantizers and post-processing (JSON, no secret). */
  spec: 'client.json',
  /** Client: the circuit's client side (inputs, outputs, parameters). */
  client: 'client.bin',
  /** Server: program and parameters (no secret, nothing about quantization). */
  server: 'server.bin',
} as const;

// node:fs is loaded on demand so that the package still bundles for browsers.
async function fs(): Promise<typeof FsPromises> {
  return import('node:fs/promises');
}

export async function writeFiles(dir: string, files: Record<string, Uint8Array>): Promise<void> {
  const { mkdir, writeFile } = await fs();
  const { join } = await import('node:path');
  await mkdir(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
}

export async function readFileIn(dir: string, name: string): Promise<Uint8Array> {
  const { readFile } = await fs();
  const { join } = await import('node:path');
  try {
    return new Uint8Array(await readFile(join(dir, name)));
  } catch (error) {
    throw new DeploymentError(`${dir} has no readable ${name}: ${(error as Error).message}`);
  }
}
