/**
 * The API reference builds (TypeDoc conversion of the four packages and @cml/ml/client, as `docs:api` does) and
 * documents every name the guides import from a @cml package.
 */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allExamples } from './extract-examples.js';

const docsDir = join(dirname(fileURLToPath(import.meta.url)), '..');

interface ApiSummary {
  readonly ok: boolean;
  readonly errors: number;
  readonly modules: Record<string, string[]>;
}

/** `import { a, type B } from '@cml/x'` in the examples -> [['@cml/x', 'a'], ['@cml/x', 'B']]. */
function importedNames(code: string): [string, string][] {
  const names: [string, string][] = [];
  for (const match of code.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'(@cml\/[^']+)'/g)) {
    for (const part of (match[1] ?? '').split(',')) {
      const name = part.replace(/^\s*type\s+/, '').split(/\s+as\s+/)[0]?.trim();
      if (name) names.push([match[2] as string, name]);
    }
  }
  return names;
}

describe('API reference (typedoc)', () => {
  const run = spawnSync(process.execPath, [join(docsDir, 'scripts', 'check-api-reference.mjs')], { encoding: 'utf8', cwd: docsDir });
  const summary = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as ApiSummary;

  it('converts the four packages and the browser client entry without errors', () => {
    expect(run.status).toBe(0);
    expect(summary.errors).toBe(0);
    expect(Object.keys(summary.modules).sort()).toEqual(['@cml/compiler', '@cml/ml', '@cml/ml/client', '@cml/tfhe-wasm', '@cml/tracer']);
  });

  it('documents every name the documentation examples import', () => {
    const missing = allExamples(join(docsDir, '..'))
      .flatMap((example) => importedNames(example.code))
      .filter(([module, name]) => !(summary.modules[module] ?? []).includes(name))
      .map(([module, name]) => `${module}: ${name}`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('reads imports the way the examples write them', () => {
    expect(importedNames("import { a, type B, c as d } from '@cml/tracer';\nimport type { E } from '@cml/ml';")).toEqual([
      ['@cml/tracer', 'a'],
      ['@cml/tracer', 'B'],
      ['@cml/tracer', 'c'],
      ['@cml/ml', 'E'],
    ]);
  });
});
