import { InvalidInputError, InvalidParameterError } from '../core/errors.js';
import { Rng } from '../core/random.js';

export interface TrainTestSplitOptions {
  /** Fraction (0, 1) or absolute count of test samples; default 0.25. */
  testSize?: number;
  randomState?: number;
  /** Labels whose class proportions both parts keep (usually y). */
  stratify?: ArrayLike<number>;
  shuffle?: boolean;
}

export interface TrainTestSplitResult<T> {
  xTrain: T[];
  xTest: T[];
  yTrain: number[];
  yTest: number[];
  trainIndices: number[];
  testIndices: number[];
}

function testCount(n: number, testSize: number): number {
  const count = testSize < 1 ? Math.ceil(testSize * n) : testSize;
  if (!(testSize > 0) || !Number.isInteger(count) || count >= n) {
    throw new InvalidParameterError(`trainTestSplit: testSize ${testSize} leaves no train or no test samples out of ${n}`);
  }
  return count;
}

/** Per-class test counts summing to `nTest`, proportional to class sizes (largest remainders first). */
function stratifiedTestIndices(labels: ArrayLike<number>, nTest: number, rng: Rng): number[] {
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const group = byClass.get(labels[i] as number) ?? [];
    group.push(i);
    byClass.set(labels[i] as number, group);
  }
  const groups = [...byClass.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
  const exact = groups.map((g) => (g.length * nTest) / labels.length);
  const take = exact.map(Math.floor);
  let missing = nTest - take.reduce((a, b) => a + b, 0);
  const order = exact.map((e, c) => ({ c, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.c - b.c);
  for (const { c } of order) {
    if (missing === 0) break;
    take[c] = (take[c] as number) + 1;
    missing--;
  }
  return groups.flatMap((g, c) => rng.shuffle(g.slice()).slice(0, take[c]));
}

/**
 * Splits rows into train and test parts, shuffled by a seeded generator, optionally
 * stratified. Same contract as sklearn's train_test_split (test size rounded up), not the
 * same random draw.
 */
export function trainTestSplit<T>(
  X: readonly T[],
  y: ArrayLike<number>,
  { testSize = 0.25, randomState, stratify, shuffle = true }: TrainTestSplitOptions = {},
): TrainTestSplitResult<T> {
  const n = X.length;
  if (y.length !== n) throw new InvalidInputError(`trainTestSplit: X has ${n} rows but y has ${y.length}`);
  const nTest = testCount(n, testSize);
  const rng = new Rng(randomState);
  let testIndices: number[];
  if (stratify) {
    if (!shuffle) throw new InvalidParameterError('trainTestSplit: stratify requires shuffle');
    if (stratify.length !== n) throw new InvalidInputError('trainTestSplit: stratify needs one label per row');
    testIndices = stratifiedTestIndices(stratify, nTest, rng);
  } else if (shuffle) {
    testIndices = rng.permutation(n).slice(0, nTest);
  } else {
    testIndices = Array.from({ length: nTest }, (_, i) => n - nTest + i);
  }
  const inTest = new Set(testIndices);
  const trainIndices = Array.from({ length: n }, (_, i) => i).filter((i) => !inTest.has(i));
  if (shuffle) rng.shuffle(trainIndices);
  return {
    xTrain: trainIndices.map((i) => X[i] as T),
    xTest: testIndices.map((i) => X[i] as T),
    yTrain: trainIndices.map((i) => y[i] as number),
    yTest: testIndices.map((i) => y[i] as number),
    trainIndices,
    testIndices,
  };
}
