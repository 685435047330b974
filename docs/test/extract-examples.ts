/**
 * Finds the code examples of the documentation: every fenced block whose info string starts
 * with `ts`, `typescript`, `js`, `javascript` or `mjs`, in `docs/**\/*.md` (except the
 * generated `docs/api/`) and in `packages/*\/README.md`.
 *
 * Convention (docs/README.md, "Examples are tests"):
 * - a ```ts block is a complete ES module; it is executed and must assert what it claims
 *   (`import assert from 'node:assert/strict'`);
 * - a ```ts no-run block is an illustration that cannot run on its own (a fragment, a
 *   signature, a server that would listen); it is parsed but not executed, and listed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const RUNNABLE_LANGUAGES: ReadonlySet<string> = new Set(['ts', 'typescript', 'js', 'javascript', 'mjs']);
export const NO_RUN_FLAG = 'no-run';

export interface DocExample {
  /** Path of the markdown file, relative to the repository root, with `/` separators. */
  readonly file: string;
  /** Text of the nearest heading above the block ('' before the first heading). */
  readonly heading: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly language: string;
  /** False for blocks tagged `no-run`: parsed only. */
  readonly run: boolean;
  readonly code: string;
}

export class DocExtractionError extends Error {
  override readonly name = 'DocExtractionError';
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*(.*)$/;
const HEADING = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/;

/** The runnable-language blocks of one markdown text, in order. */
export function extractExamples(markdown: string, file: string): DocExample[] {
  const lines = markdown.split(/\r?\n/);
  const examples: DocExample[] = [];
  let heading = '';
  let open: { marker: string; info: string; line: number; body: string[] } | undefined;
  lines.forEach((text, index) => {
    if (open) {
      const close = FENCE.exec(text);
      if (close && close[1]?.[0] === open.marker[0] && (close[1]?.length ?? 0) >= open.marker.length && close[2] === '') {
        const [language = '', ...flags] = open.info.split(/\s+/).filter((w) => w !== '');
        if (RUNNABLE_LANGUAGES.has(language.toLowerCase())) {
          examples.push({
            file,
            heading,
            line: open.line,
            language: language.toLowerCase(),
            run: !flags.includes(NO_RUN_FLAG),
            code: open.body.join('\n'),
          });
        }
        open = undefined;
      } else {
        open.body.push(text);
      }
      return;
    }
    const fence = FENCE.exec(text);
    if (fence) {
      open = { marker: fence[1] ?? '```', info: fence[2] ?? '', line: index + 1, body: [] };
      return;
    }
    const title = HEADING.exec(text);
    if (title) heading = title[1] ?? '';
  });
  if (open) throw new DocExtractionError(`${file}:${open.line}: code fence never closed`);
  return examples;
}

/** Markdown files whose examples are tests, relative to `root`, sorted. */
export function documentationFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.') || relative(root, path) === join('docs', 'api')) continue;
        walk(path);
      } else if (entry.name.endsWith('.md')) {
        files.push(path);
      }
    }
  };
  walk(join(root, 'docs'));
  for (const pkg of readdirSync(join(root, 'packages'), { withFileTypes: true })) {
    if (!pkg.isDirectory()) continue;
    const readme = join(root, 'packages', pkg.name, 'README.md');
    try {
      readFileSync(readme);
      files.push(readme);
    } catch {
      // a package without a README has no examples
    }
  }
  return files.map((f) => relative(root, f).split('\\').join('/')).sort();
}

/** Every example of the documentation under `root`. */
export function allExamples(root: string): DocExample[] {
  return documentationFiles(root).flatMap((file) => extractExamples(readFileSync(join(root, file), 'utf8'), file));
}

/** The test name of an example: file, heading and line, unique within the suite. */
export function exampleName(example: DocExample): string {
  const where = example.heading === '' ? '' : ` › ${example.heading}`;
  return `${example.file}${where} (line ${example.line})`;
}
