/** One train/test partition, as row indices. */
export interface Split {
  readonly train: number[];
  readonly test: number[];
}

/** Anything that yields train/test partitions of n samples (with labels when it stratifies). */
export interface CrossValidator {
  split(nSamples: number, y?: ArrayLike<number>): Split[];
}
