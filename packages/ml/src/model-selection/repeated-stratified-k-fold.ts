import { InvalidInputError, InvalidParameterError } from '../core/errors.js';
import { Rng } from '../core/random.js';
import type { CrossValidator, Split } from './split-types.js';
import { StratifiedKFold } from './stratified-k-fold.js';

export interface RepeatedKFoldOptions {
  nSplits?: number;
  nRepeats?: number;
  randomState?: number;
}

/** Stratified K-fold repeated `nRepeats` times with a different shuffle each time. */
export class RepeatedStratifiedKFold implements CrossValidator {
  readonly nSplits: number;
  readonly nRepeats: number;
  readonly randomState: number | undefined;

  constructor({ nSplits = 5, nRepeats = 10, randomState }: RepeatedKFoldOptions = {}) {
    if (!Number.isInteger(nRepeats) || nRepeats < 1) {
      throw new InvalidParameterError(`RepeatedStratifiedKFold: nRepeats must be an integer >= 1, got ${nRepeats}`);
    }
    this.nSplits = nSplits;
    this.nRepeats = nRepeats;
    this.randomState = randomState;
  }

  split(nSamples: number, y?: ArrayLike<number>): Split[] {
    if (!y || y.length !== nSamples) throw new InvalidInputError('RepeatedStratifiedKFold needs y with one label per sample');
    const rng = new Rng(this.randomState);
    const folds = new StratifiedKFold({ nSplits: this.nSplits, shuffle: true });
    const splits: Split[] = [];
    for (let r = 0; r < this.nRepeats; r++) splits.push(...folds.splitWith(y, rng));
    return splits;
  }
}
