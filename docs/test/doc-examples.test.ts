/**
 * Doc tests: every ```ts / ```js block of docs/**\/*.md and packages/*\/README.md runs as its
 * own test (named after file, heading and line); ```ts no-run blocks are parsed, not run,
 * and listed at the end. Examples check their own claims with node:assert. Each block runs in
 * an isolated module registry, like a program of its own: a block that forgets a set-up step
 * fails even when an earlier block happened to do it (the WASM module's threads mode, for one).
 */
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allExamples, exampleName } from './extract-examples.js';
import { parseExample, runExample } from './run-example.js';

const docsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(docsDir, '..');
const examples = allExamples(root);
const files = [...new Set(examples.map((e) => e.file))];

describe('documentation examples', () => {
  it('finds the examples of the guides', () => {
    expect(files).toEqual(expect.arrayContaining(['docs/getting-started.md', 'docs/tracer-guide.md']));
    expect(examples.filter((e) => e.run).length).toBeGreaterThan(10);
  });

  for (const file of files) {
    describe(file, () => {
      for (const example of examples.filter((e) => e.file === file)) {
        if (example.run) {
          it(`runs ${exampleName(example)}`, async () => {
            const printed: string[] = [];
            const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
              printed.push(args.map(String).join(' '));
            });
            try {
              await jest.isolateModulesAsync(() => runExample(docsDir, example));
            } finally {
              log.mockRestore();
            }
          });
        } else {
          it(`parses (no-run) ${exampleName(example)}`, () => {
            parseExample(example);
          });
        }
      }
    });
  }

  afterAll(() => {
    const notRun = examples.filter((e) => !e.run);
    const lines = [
      `doc examples: ${examples.length - notRun.length} run, ${notRun.length} no-run (parsed only), in ${files.length} files`,
      ...notRun.map((e) => `  no-run: ${exampleName(e)}`),
    ];
    process.stderr.write(`${lines.join('\n')}\n`);
    mkdirSync(join(docsDir, 'test-results'), { recursive: true });
    const summary = { run: examples.length - notRun.length, noRun: notRun.map(exampleName), files };
    writeFileSync(join(docsDir, 'test-results', 'doc-examples.json'), `${JSON.stringify(summary, null, 2)}\n`);
  });
});
