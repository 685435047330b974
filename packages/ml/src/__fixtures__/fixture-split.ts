import { readFileSync } from 'node:fs';
import type { Dataset } from '../datasets/csv.js';
import { StandardScaler } from '../preprocessing/standard-scaler.js';

/** Reads a committed JSON fixture written by scripts/make_sklearn_fixtures.py. */
export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')) as T;
}

/** The fixture script's split: every 4th row is a test row; optional standardisation fitted on train. */
export function fixtureSplit(dataset: Dataset, scale: boolean) {
  const xTrain: number[][] = [];
  const yTrain: number[] = [];
  const xTest: number[][] = [];
  const yTest: number[] = [];
  dataset.data.forEach((row, i) => {
    (i % 4 === 0 ? xTest : xTrain).push(row);
    (i % 4 === 0 ? yTest : yTrain).push(dataset.target[i] as number);
  });
  if (!scale) return { xTrain, yTrain, xTest, yTest };
  const scaler = new StandardScaler().fit(xTrain);
  return { xTrain: scaler.transform(xTrain), yTrain, xTest: scaler.transform(xTest), yTest };
}

/** Largest absolute difference between two equally long vectors. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expectSameLength(a, b);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] as number) - (b[i] as number)));
  return m;
}

/** Fraction of positions where two label vectors agree. */
export function agreement(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expectSameLength(a, b);
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

function expectSameLength(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new Error(`length mismatch: ${a.length} vs ${b.length}`);
}
