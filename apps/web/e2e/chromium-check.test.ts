import { describe, expect, it } from '@jest/globals';
import { ChromiumMissingError, chromiumAvailable } from './browser.js';

describe('chromiumAvailable', () => {
  const missing = '/nonexistent/chromium';

  it('a missing Chromium fails in CI, naming the path and how to install it', () => {
    expect(() => chromiumAvailable(missing, { CI: 'true' })).toThrow(ChromiumMissingError);
    expect(() => chromiumAvailable(missing, { CI: 'true' })).toThrow(/\/nonexistent\/chromium is missing: install Debian's chromium/);
  });

  it('a missing Chromium outside CI skips the browser tests, saying why', () => {
    const warnings: string[] = [];
    expect(chromiumAvailable(missing, {}, (message) => warnings.push(message))).toBe(false);
    expect(warnings).toEqual([expect.stringMatching(/^web e2e: skipped, \/nonexistent\/chromium is missing/)]);
  });
});
