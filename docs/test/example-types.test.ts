/**
 * Jest's SWC transform strips types without checking them: this test type-checks every
 * runnable `ts` example (strict, as the packages are compiled; `js` blocks are plain
 * JavaScript) against the packages' published declarations (dist/*.d.ts, built before tests
 * run), so an example using a removed option or a wrong type fails even if it happens to run.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { allExamples, type DocExample } from './extract-examples.js';

const docsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(docsDir, 'test-results', 'examples', 'types');

function modulePath(example: DocExample): string {
  return join(outDir, `${example.file.replace(/[^A-Za-z0-9]+/g, '-')}-L${example.line}.ts`);
}

describe('documentation examples type-check', () => {
  it('has no type errors in any runnable example (positions are lines of the .md files)', () => {
    const examples = allExamples(join(docsDir, '..')).filter((e) => e.run && (e.language === 'ts' || e.language === 'typescript'));
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const byPath = new Map<string, DocExample>();
    for (const example of examples) {
      const path = modulePath(example);
      // `export {}` keeps each file a module; the padding keeps line numbers equal to the .md file's.
      writeFileSync(path, `export {};${'\n'.repeat(example.line)}${example.code}\n`);
      byPath.set(path, example);
    }
    const program = ts.createProgram([...byPath.keys()], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['node'],
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const example = d.file ? byPath.get(d.file.fileName) : undefined;
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      const where = example ? `${example.file}:${line}` : (d.file?.fileName ?? 'program');
      return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(problems).toEqual([]);
    rmSync(outDir, { recursive: true, force: true });
  });
});
