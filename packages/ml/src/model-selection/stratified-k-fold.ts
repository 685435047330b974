import { InvalidInputError, InvalidParameterError } from '../core/errors.js';
import { Rng } from '../core/random.js';
import type { KFoldOptions } from './k-fold.js';
import type { CrossValidator, Split } from './split-types.js';

/**
 * K folds that keep each class's proportion, with sklearn's allocation (≥ 0.22): classes in
 * order of first appearance, the sorted labels dealt round-robin to the folds to get each
 * fold's per-class count, then each class's samples assigned to folds in order (or shuffled).
 * Without shuffle the folds are exactly sklearn's.
 */
export class StratifiedKFold implements CrossValidator {
  readonly nSplits: number;
  readonly shuffle: boolean;
  readonly randomState: number | undefined;

  constructor({ nSplits = 5, shuffle = false, randomState }: KFoldOptions = {}) {
    if (!Number.isInteger(nSplits) || nSplits < 2) {
      throw new InvalidParameterError(`StratifiedKFold: nSplits must be an integer >= 2, got ${nSplits}`);
    }
    this.nSplits = nSplits;
    this.shuffle = shuffle;
    this.randomState = randomState;
  }

  split(nSamples: number, y?: ArrayLike<number>): Split[] {
    if (!y || y.length !== nSamples) throw new InvalidInputError('StratifiedKFold needs y with one label per sample');
    return this.splitWith(y, new Rng(this.randomState));
  }

  /** Folds drawn with a given generator (RepeatedStratifiedKFold shares one across repeats). */
  splitWith(y: ArrayLike<number>, rng: Rng): Split[] {
    const k = this.nSplits;
    const firstSeen = new Map<number, number>();
    for (let i = 0; i < y.length; i++) if (!firstSeen.has(y[i] as number)) firstSeen.set(y[i] as number, firstSeen.size);
    const encoded = Array.from({ length: y.length }, (_, i) => firstSeen.get(y[i] as number) as number);
    const nClasses = firstSeen.size;
    const counts = new Array<number>(nClasses).fill(0);
    for (const c of encoded) counts[c] = (counts[c] as number) + 1;
    if (Math.max(...counts) < k) {
      throw new InvalidParameterError(`StratifiedKFold: nSplits=${k} exceeds the size of every class`);
    }
    // allocation[f][c]: class-c samples in fold f, from dealing the sorted labels round-robin.
    const sorted = encoded.slice().sort((a, b) => a - b);
    const allocation = Array.from({ length: k }, () => new Array<number>(nClasses).fill(0));
    sorted.forEach((c, i) => {
      const fold = allocation[i % k] as number[];
      fold[c] = (fold[c] as number) + 1;
    });
    const testFold = new Int32Array(y.length);
    for (let c = 0; c < nClasses; c++) {
      const foldsForClass: number[] = [];
      for (let f = 0; f < k; f++) for (let r = 0; r < (allocation[f] as number[])[c]!; r++) foldsForClass.push(f);
      if (this.shuffle) rng.shuffle(foldsForClass);
      let next = 0;
      for (let i = 0; i < y.length; i++) if (encoded[i] === c) testFold[i] = foldsForClass[next++] as number;
    }
    return Array.from({ length: k }, (_, f) => {
      const train: number[] = [];
      const test: number[] = [];
      for (let i = 0; i < y.length; i++) (testFold[i] === f ? test : train).push(i);
      return { train, test };
    });
  }
}
