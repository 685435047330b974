import type { Rng } from '../core/random.js';

/**
 * Bootstrap sample as per-row counts: `nDraws` rows drawn uniformly with replacement.
 * Trees take the counts as sample weights, which is how sklearn's forests bootstrap.
 */
export function bootstrapWeights(nRows: number, nDraws: number, rng: Rng): Float64Array {
  const counts = new Float64Array(nRows);
  for (let d = 0; d < nDraws; d++) {
    const i = rng.nextInt(nRows);
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}
