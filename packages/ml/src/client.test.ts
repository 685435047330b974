import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as clientEntry from './client.js';

const SRC = dirname(fileURLToPath(import.meta.url));

/** Static (value) imports of a module: `import type` and dynamic `import()` do not load anything eagerly. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?'([^']+)'/gm)) {
    if (match[1] === undefined) specifiers.push(match[2] as string);
  }
  return specifiers;
}

/** Every module reachable through static imports from `entry`, following relative paths only. */
function reachable(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = [];
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (files.includes(file)) continue;
    files.push(file);
    for (const specifier of staticImports(file)) {
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
  }
  return { files, packages };
}

describe('@cml/ml/client', () => {
  it('statically imports neither TensorFlow.js nor node: modules, so browsers can bundle it', () => {
    const { files, packages } = reachable(join(SRC, 'client.ts'));
    expect(files.length).toBeGreaterThan(3);
    expect([...packages].filter((name) => name.startsWith('@tensorflow/') || name.startsWith('node:'))).toEqual([]);
    expect([...packages].filter((name) => !name.startsWith('@cml/'))).toEqual([]);
  });

  it('the import scan sees the TensorFlow.js import of the full entry (the check can fail)', () => {
    expect(reachable(join(SRC, 'index.ts')).packages.has('@tensorflow/tfjs')).toBe(true);
  });

  it('exports the client role built from bytes', () => {
    expect(typeof clientEntry.FHEModelClient.fromBytes).toBe('function');
    expect(typeof clientEntry.initTfhe).toBe('function');
  });
});
