import { InvalidParameterError } from '../core/errors.js';

/** sklearn's max_features: null = all, 'sqrt', 'log2', an integer count, or a fraction in (0, 1). */
export type MaxFeatures = null | 'sqrt' | 'log2' | number;

/** Number of features drawn at each split. */
export function resolveMaxFeatures(model: string, maxFeatures: MaxFeatures, nFeatures: number): number {
  if (maxFeatures === null) return nFeatures;
  if (maxFeatures === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(nFeatures)));
  if (maxFeatures === 'log2') return Math.max(1, Math.floor(Math.log2(nFeatures)));
  if (typeof maxFeatures === 'number' && Number.isInteger(maxFeatures) && maxFeatures >= 1) return Math.min(maxFeatures, nFeatures);
  if (typeof maxFeatures === 'number' && maxFeatures > 0 && maxFeatures < 1) return Math.max(1, Math.floor(maxFeatures * nFeatures));
  throw new InvalidParameterError(`${model}: maxFeatures must be null, 'sqrt', 'log2', an integer >= 1 or a fraction in (0, 1); got ${String(maxFeatures)}`);
}
