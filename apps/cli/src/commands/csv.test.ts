import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsvMatrix } from './csv.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cml-csv-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function csv(text: string): Promise<string> {
  const path = join(dir, `${Math.abs(text.length * 31 + text.charCodeAt(0))}.csv`);
  await writeFile(path, text);
  return path;
}

describe('readCsvMatrix', () => {
  it('reads rows of numbers and skips a header line', async () => {
    expect(await readCsvMatrix(await csv('a,b\n1,2.5\n-3,4e2\n\n'))).toEqual([[1, 2.5], [-3, 400]]);
  });

  it('names the line of a non-numeric cell, an empty cell or a ragged row', async () => {
    await expect(readCsvMatrix(await csv('1,2\n3,x\n'))).rejects.toThrow('line 2 is not a row of numbers');
    await expect(readCsvMatrix(await csv('1,2\n3,\n'))).rejects.toThrow('line 2 is not a row of numbers');
    await expect(readCsvMatrix(await csv('1,2\n3,4,5\n'))).rejects.toThrow('line 2 has 3 values, the first row has 2');
    await expect(readCsvMatrix(await csv('only,a,header\n'))).rejects.toMatchObject({ name: 'UserError' });
    await expect(readCsvMatrix(join(dir, 'missing.csv'))).rejects.toThrow(/cannot read .*ENOENT/);
  });
});
