import { InvalidInputError } from '../core/errors.js';

/** Both vectors non-empty, same length, finite. */
export function checkPair(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, metric: string): void {
  if (yTrue.length === 0 || yTrue.length !== yPred.length) {
    throw new InvalidInputError(`${metric}: yTrue (${yTrue.length}) and yPred (${yPred.length}) must be non-empty and of equal length`);
  }
  for (let i = 0; i < yTrue.length; i++) {
    if (!Number.isFinite(yTrue[i]) || !Number.isFinite(yPred[i])) {
      throw new InvalidInputError(`${metric}: value ${i} is not a finite number`);
    }
  }
}
