import { describe, expect, it } from '@jest/globals';
import { DocExtractionError, exampleName, extractExamples } from './extract-examples.js';

const page = [
  '# Title', //                       1
  '',
  '```ts',
  'const a = 1;',
  '```',
  '## Second section ##', //          6
  '```sh',
  'pnpm test',
  '```',
  '~~~js no-run',
  'declare const b: number;',
  '~~~',
  '````ts',
  '```ts', //                           a fence inside a longer fence is text
  '````',
  '```text',
  '# not a heading inside a fence',
  '```',
  '```TypeScript',
  'const c = 3;',
  '```',
].join('\n');

describe('extractExamples', () => {
  const examples = extractExamples(page, 'docs/page.md');

  it('keeps only TypeScript and JavaScript blocks, with their code', () => {
    expect(examples.map((e) => e.code)).toEqual(['const a = 1;', 'declare const b: number;', '```ts', 'const c = 3;']);
    expect(examples.map((e) => e.language)).toEqual(['ts', 'js', 'ts', 'typescript']);
  });

  it('records the line of the opening fence and the nearest heading outside fences', () => {
    expect(examples.map((e) => [e.line, e.heading])).toEqual([
      [3, 'Title'],
      [10, 'Second section'],
      [13, 'Second section'],
      [19, 'Second section'],
    ]);
  });

  it('marks blocks tagged no-run as not runnable', () => {
    expect(examples.map((e) => e.run)).toEqual([true, false, true, true]);
  });

  it('names an example after its file, heading and line', () => {
    expect(examples[1] && exampleName(examples[1])).toBe('docs/page.md › Second section (line 10)');
  });

  it('rejects a fence that is never closed, naming the file and line', () => {
    expect(() => extractExamples('text\n```ts\nconst x = 1;\n', 'docs/broken.md')).toThrow(DocExtractionError);
    expect(() => extractExamples('text\n```ts\nconst x = 1;\n', 'docs/broken.md')).toThrow('docs/broken.md:2: code fence never closed');
  });
});
