/**
 * Relative links between the documentation pages point at files that exist, so a renamed
 * page or a moved source file cannot leave a dead link behind.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentationFiles } from './extract-examples.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Targets of `[text](target)` outside code fences and inline code, without their #anchor. */
export function relativeLinks(markdown: string): string[] {
  const prose = markdown.replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?^ {0,3}\1\s*$/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1] as string)
    .filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith('#'))
    .map((target) => target.split('#')[0] as string);
}

describe('documentation links', () => {
  const pages = documentationFiles(root).filter((file) => file.startsWith('docs/'));

  it.each(pages)('every relative link of %s points at an existing file', (page) => {
    const dead = relativeLinks(readFileSync(join(root, page), 'utf8')).filter((target) => !existsSync(join(root, dirname(page), target)));
    expect(dead).toEqual([]);
  });

  it('finds links in prose but not in code', () => {
    const text = 'see [a](a.md#x) and [web](https://x.org) [top](#top)\n```ts\nconst s = "[b](b.md)";\n```\nand `[c](c.md)`';
    expect(relativeLinks(text)).toEqual(['a.md']);
  });
});
