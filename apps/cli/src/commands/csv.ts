import { readFile, writeFile } from 'node:fs/promises';
import { UserError } from '../errors.js';

/** Reads a numeric CSV (comma-separated, one sample a line; a non-numeric first line is a header). */
export async function readCsvMatrix(path: string): Promise<number[][]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const lines = text.split(/\r?\n/).filter((line) => line.trim().length > 0);
  const rows: number[][] = [];
  for (const [i, line] of lines.entries()) {
    const cells = line.split(',').map((c) => c.trim());
    const values = cells.map(Number);
    if (values.some((v, j) => !Number.isFinite(v) || cells[j] === '')) {
      if (i === 0) continue;
      throw new UserError(`${path}: line ${i + 1} is not a row of numbers`);
    }
    if (rows.length > 0 && values.length !== rows[0]?.length) {
      throw new UserError(`${path}: line ${i + 1} has ${values.length} values, the first row has ${rows[0]?.length}`);
    }
    rows.push(values);
  }
  if (rows.length === 0) throw new UserError(`${path} holds no rows of numbers`);
  return rows;
}

export async function writeCsv(path: string, rows: readonly (readonly (number | string)[])[], header?: readonly string[]): Promise<void> {
  const lines = [...(header ? [header.join(',')] : []), ...rows.map((r) => r.join(','))];
  await writeFile(path, lines.join('\n') + '\n');
}
