import { describe, expect, it } from '@jest/globals';
import { InvalidInputError, InvalidParameterError } from '../core/errors.js';
import { KFold } from './k-fold.js';
import { RepeatedStratifiedKFold } from './repeated-stratified-k-fold.js';
import type { Split } from './split-types.js';
import { StratifiedKFold } from './stratified-k-fold.js';
import { trainTestSplit } from './train-test-split.js';

/** 30 of class 0, 20 of class 1, 10 of class 2, interleaved. */
const labels = Array.from({ length: 60 }, (_, i) => (i % 6 < 3 ? 0 : i % 6 < 5 ? 1 : 2));

function expectPartition(splits: Split[], n: number): void {
  const seen = splits.flatMap((s) => s.test).sort((a, b) => a - b);
  expect(seen).toEqual(Array.from({ length: n }, (_, i) => i));
  for (const s of splits) {
    expect([...s.train, ...s.test].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
  }
}

const count = (idx: number[], c: number) => idx.filter((i) => labels[i] === c).length;

describe('KFold', () => {
  it('cuts consecutive folds, the first n % k one sample larger', () => {
    const splits = new KFold({ nSplits: 3 }).split(10);
    expect(splits.map((s) => s.test)).toEqual([[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    expectPartition(splits, 10);
  });

  it('shuffles reproducibly with a seed', () => {
    const a = new KFold({ nSplits: 4, shuffle: true, randomState: 1 }).split(20);
    expect(a).toEqual(new KFold({ nSplits: 4, shuffle: true, randomState: 1 }).split(20));
    expect(a).not.toEqual(new KFold({ nSplits: 4 }).split(20));
    expectPartition(a, 20);
  });

  it('rejects fewer than 2 folds or more folds than samples', () => {
    expect(() => new KFold({ nSplits: 1 })).toThrow(InvalidParameterError);
    expect(() => new KFold({ nSplits: 5 }).split(3)).toThrow(InvalidParameterError);
  });
});

describe('StratifiedKFold', () => {
  it('keeps class proportions in every fold, with or without shuffle', () => {
    for (const shuffle of [false, true]) {
      const splits = new StratifiedKFold({ nSplits: 5, shuffle, randomState: 3 }).split(60, labels);
      expectPartition(splits, 60);
      for (const s of splits) expect([count(s.test, 0), count(s.test, 1), count(s.test, 2)]).toEqual([6, 4, 2]);
    }
  });

  it('needs labels', () => {
    expect(() => new StratifiedKFold().split(60)).toThrow(InvalidInputError);
  });
});

describe('RepeatedStratifiedKFold', () => {
  it('yields nRepeats × nSplits folds, each repeat a stratified partition with a new shuffle', () => {
    const splits = new RepeatedStratifiedKFold({ nSplits: 5, nRepeats: 3, randomState: 0 }).split(60, labels);
    expect(splits).toHaveLength(15);
    for (let r = 0; r < 3; r++) expectPartition(splits.slice(5 * r, 5 * r + 5), 60);
    expect(splits.slice(0, 5)).not.toEqual(splits.slice(5, 10));
  });
});

describe('trainTestSplit', () => {
  const X = labels.map((_, i) => [i]);

  it('takes ceil(testSize·n) test rows and keeps rows aligned with labels', () => {
    const split = trainTestSplit(X, labels, { testSize: 0.25, randomState: 0 });
    expect(split.xTest).toHaveLength(15);
    expect(split.xTrain).toHaveLength(45);
    split.xTest.forEach((row, k) => expect(labels[row[0] as number]).toBe(split.yTest[k]));
    expect([...split.trainIndices, ...split.testIndices].sort((a, b) => a - b)).toEqual(X.map((_, i) => i));
  });

  it('stratifies on request', () => {
    const split = trainTestSplit(X, labels, { testSize: 0.5, randomState: 4, stratify: labels });
    expect([count(split.testIndices, 0), count(split.testIndices, 1), count(split.testIndices, 2)]).toEqual([15, 10, 5]);
  });

  it('is reproducible with a seed and keeps order without shuffle', () => {
    expect(trainTestSplit(X, labels, { randomState: 9 })).toEqual(trainTestSplit(X, labels, { randomState: 9 }));
    expect(trainTestSplit(X, labels, { testSize: 10, shuffle: false }).testIndices).toEqual(Array.from({ length: 10 }, (_, i) => 50 + i));
  });

  it('rejects sizes that leave a part empty and mismatched lengths', () => {
    expect(() => trainTestSplit(X, labels, { testSize: 60 })).toThrow(InvalidParameterError);
    expect(() => trainTestSplit(X, labels, { testSize: 0 })).toThrow(InvalidParameterError);
    expect(() => trainTestSplit(X, labels.slice(1))).toThrow(InvalidInputError);
  });
});
