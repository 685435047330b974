import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { builtWebRoot, webRoot } from './index.js';

describe('webRoot', () => {
  it('is the absolute path of the built page, holding index.html with its module script', () => {
    const root = webRoot();
    expect(isAbsolute(root)).toBe(true);
    expect(root.endsWith(join('dist', 'app'))).toBe(true);
    expect(builtWebRoot()).toBe(root);
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    const script = /<script type="module"[^>]*src="\.\/(assets\/[^"]+\.js)"/.exec(html);
    expect(script).not.toBeNull();
    expect(existsSync(join(root, script?.[1] ?? 'missing'))).toBe(true);
  });
});
