/**
 * Picks the sample rows the page offers, at build time, from a bundled data-set CSV (header
 * row, numeric cells, last column = target): `count` rows spread evenly over the file so
 * both classes of a sorted or grouped data set appear.
 */

/** The rows one page section offers; serialized into the bundle as JSON. */
export interface SampleSet {
  readonly featureNames: string[];
  readonly rows: number[][];
  readonly labels: number[];
  /** Row numbers in the data set (0-based, header excluded), to name each sample. */
  readonly indices: number[];
}

export class SampleCsvError extends Error {
  override readonly name = 'SampleCsvError';
}

export function pickSamples(csv: string, count: number): SampleSet {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines[0]?.split(',');
  if (!header || header.length < 2) throw new SampleCsvError('the CSV needs a header with features and a target column');
  const body = lines.slice(1);
  if (count < 1 || count > body.length) throw new SampleCsvError(`cannot pick ${count} rows out of ${body.length}`);
  const step = body.length / count;
  const indices = Array.from({ length: count }, (_, i) => Math.floor(i * step));
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const index of indices) {
    const cells = (body[index] as string).split(',').map(Number);
    if (cells.length !== header.length || cells.some((cell) => !Number.isFinite(cell))) {
      throw new SampleCsvError(`row ${index + 2} has ${cells.length} cells (expected ${header.length}) or a non-number`);
    }
    labels.push(cells.pop() as number);
    rows.push(cells);
  }
  return { featureNames: header.slice(0, -1), rows, labels, indices };
}
