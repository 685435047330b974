import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { opRegistry } from '@cml/tracer';
// @ts-expect-error -- a plain .mjs script without type declarations
import { OPS_TABLE_PATH, renderOpsTable } from '../scripts/generate-ops-table.mjs';

describe('docs/reference/supported-ops.md', () => {
  it('is what generate-ops-table.mjs writes for the current registry (run `pnpm --filter @cml/docs docs:ops` if not)', () => {
    expect(readFileSync(OPS_TABLE_PATH as string, 'utf8')).toBe((renderOpsTable as () => string)());
  });

  it('has one row per registered op', () => {
    const table = (renderOpsTable as () => string)();
    for (const name of opRegistry().keys()) expect(table).toContain(`| \`${name}\` |`);
  });
});
