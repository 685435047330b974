import { readFile } from 'node:fs/promises';
import { readCsvMatrix } from '../commands/csv.js';
import { UserError } from '../errors.js';

/**
 * Reads the rows to encrypt: a JSON file (an array of rows of numbers, or one row) or a CSV
 * (one row a line, optional header). Feature counts are checked by the model when it quantizes.
 */
export async function readRows(path: string): Promise<number[][]> {
  if (!path.toLowerCase().endsWith('.json')) return readCsvMatrix(path);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code ? `cannot read ${path}: ${code}` : `${path} is not JSON`);
  }
  const rows = Array.isArray(json) && json.every((v) => typeof v === 'number') ? [json] : json;
  if (!Array.isArray(rows) || rows.length === 0) throw new UserError(`${path} holds no rows (expected [[x1, x2, ...], ...])`);
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length === 0 || !row.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw new UserError(`${path}: row ${i + 1} is not a list of finite numbers`);
    }
  });
  return rows as number[][];
}
