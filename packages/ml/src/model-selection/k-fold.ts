import { InvalidParameterError } from '../core/errors.js';
import { Rng } from '../core/random.js';
import type { CrossValidator, Split } from './split-types.js';

export interface KFoldOptions {
  nSplits?: number;
  shuffle?: boolean;
  randomState?: number;
}

/**
 * K consecutive folds (after an optional shuffle), as sklearn's KFold: the first
 * n % k folds get one extra sample.
 */
export class KFold implements CrossValidator {
  readonly nSplits: number;
  readonly shuffle: boolean;
  readonly randomState: number | undefined;

  constructor({ nSplits = 5, shuffle = false, randomState }: KFoldOptions = {}) {
    if (!Number.isInteger(nSplits) || nSplits < 2) throw new InvalidParameterError(`KFold: nSplits must be an integer >= 2, got ${nSplits}`);
    this.nSplits = nSplits;
    this.shuffle = shuffle;
    this.randomState = randomState;
  }

  split(nSamples: number): Split[] {
    if (nSamples < this.nSplits) {
      throw new InvalidParameterError(`KFold: cannot make ${this.nSplits} folds of ${nSamples} samples`);
    }
    const order = Array.from({ length: nSamples }, (_, i) => i);
    if (this.shuffle) new Rng(this.randomState).shuffle(order);
    const splits: Split[] = [];
    let start = 0;
    for (let k = 0; k < this.nSplits; k++) {
      const size = Math.floor(nSamples / this.nSplits) + (k < nSamples % this.nSplits ? 1 : 0);
      const test = order.slice(start, start + size).sort((a, b) => a - b);
      const inTest = new Set(test);
      splits.push({ train: order.filter((i) => !inTest.has(i)).sort((a, b) => a - b), test });
      start += size;
    }
    return splits;
  }
}
