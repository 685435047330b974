import { expect } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built command (tests run it as users do: a separate Node process). */
export const bin = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

export interface CmlResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function cml(...args: string[]): CmlResult {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
}

/** Async variant, so that long runs in different test files can share the two cores. */
export function cmlAsync(...args: string[]): Promise<CmlResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A user error: exit code 1, one line on stderr, no stack trace. */
export function expectUserError(result: { status: number | null; stderr: string }, message: RegExp): void {
  expect(result.stderr).toMatch(message);
  expect(result.status).toBe(1);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/internal error/);
}
