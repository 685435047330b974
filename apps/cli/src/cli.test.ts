import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { statusTable } from './status.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const readme = fileURLToPath(new URL('../../../README.md', import.meta.url));

function cml(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
}

describe('the cml command', () => {
  it('runs the demo and prints the project status without pretending', () => {
    const result = cml('demo');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('not built yet');
    expect(result.stdout).toContain(statusTable());
  });

  it('emits machine-readable status with --json', () => {
    const result = cml('demo', '--json');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).capabilities.length).toBeGreaterThan(0);
  });

  it('rejects an unknown command with exit code 1 and no stack trace', () => {
    const result = cml('frobnicate');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/unknown command 'frobnicate'/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('README.md', () => {
  it('carries the same status table as the CLI', () => {
    expect(readFileSync(readme, 'utf8')).toContain(statusTable());
  });
});
