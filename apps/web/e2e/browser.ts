/**
 * Headless Debian Chromium for the end-to-end tests, driven by playwright-core (which never
 * downloads a browser). Absent Chromium fails the suite in CI and skips it elsewhere.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export class ChromiumMissingError extends Error {
  override readonly name = 'ChromiumMissingError';
  constructor(path: string) {
    super(`${path} is missing: install Debian's chromium (apt-get install chromium; .ci/run does it) to run the browser tests`);
  }
}

/** Whether the browser tests can run here; in CI (`CI=true`) a missing Chromium is an error. */
export function chromiumAvailable(
  path = CHROMIUM,
  env: NodeJS.ProcessEnv = process.env,
  warn = (message: string): void => void process.stderr.write(`${message}\n`),
): boolean {
  if (existsSync(path)) return true;
  if (env['CI'] === 'true') throw new ChromiumMissingError(path);
  warn(`web e2e: skipped, ${new ChromiumMissingError(path).message}`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
}

/** Whether `needle` occurs in `haystack` as a contiguous run of bytes. */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return needle.length === 0;
  const first = needle[0] as number;
  for (let i = haystack.indexOf(first); i >= 0 && i <= haystack.length - needle.length; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}
