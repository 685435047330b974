import { InvalidInputError } from '../core/errors.js';

/** A bundled dataset: features, target, and names. */
export interface Dataset {
  readonly data: number[][];
  readonly target: number[];
  readonly featureNames: string[];
  /** Class names for classification datasets (index = class label). */
  readonly targetNames?: string[];
}

/** Parses a bundled CSV: a header row, numeric cells, last column = target. */
export function parseDatasetCsv(text: string, name: string): Omit<Dataset, 'targetNames'> {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const header = (lines[0] ?? '').split(',');
  if (header.length < 2) throw new InvalidInputError(`${name}.csv has no header with features and a target`);
  const data: number[][] = [];
  const target: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = (lines[i] as string).split(',').map(Number);
    if (cells.length !== header.length || cells.some((v) => !Number.isFinite(v))) {
      throw new InvalidInputError(`${name}.csv line ${i + 1} is not ${header.length} numbers`);
    }
    target.push(cells.pop() as number);
    data.push(cells);
  }
  return { data, target, featureNames: header.slice(0, -1) };
}

/**
 * Reads `datasets/<name>.csv` shipped with the package. The directory sits one level above
 * both src/ and dist/, so the same relative URL works from sources and from the build.
 * node:fs is imported lazily so bundlers for the browser never see it.
 */
export async function readBundledCsv(name: string): Promise<string> {
  const url = new URL(`../../datasets/${name}.csv`, import.meta.url);
  if (url.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    return readFile(url, 'utf8');
  }
  const response = await fetch(url);
  if (!response.ok) throw new InvalidInputError(`cannot fetch dataset ${name}: HTTP ${response.status}`);
  return response.text();
}
