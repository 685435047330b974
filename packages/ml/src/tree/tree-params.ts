import { InvalidParameterError } from '../core/errors.js';
import { requireInteger, requirePositive } from '../core/params.js';
import { Rng } from '../core/random.js';
import type { CartOptions } from './cart-builder.js';
import { resolveMaxFeatures, type MaxFeatures } from './max-features.js';

/** Options shared by sklearn's trees and forests (camelCased). */
export interface TreeGrowthParams {
  /** null grows until leaves are pure or too small. */
  maxDepth: number | null;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  maxFeatures: MaxFeatures;
  minImpurityDecrease: number;
  /** Seed for feature sampling (and bootstrap in forests); null draws one per fit. */
  randomState: number | null;
}

export const TREE_GROWTH_DEFAULTS: TreeGrowthParams = {
  maxDepth: null,
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  maxFeatures: null,
  minImpurityDecrease: 0,
  randomState: null,
};

export function checkTreeGrowth(model: string, params: TreeGrowthParams): void {
  if (params.maxDepth !== null) requireInteger(model, 'maxDepth', params.maxDepth, 1);
  requireInteger(model, 'minSamplesSplit', params.minSamplesSplit, 2);
  requireInteger(model, 'minSamplesLeaf', params.minSamplesLeaf, 1);
  requirePositive(model, 'minImpurityDecrease', params.minImpurityDecrease, true);
  if (params.randomState !== null && !Number.isInteger(params.randomState)) {
    throw new InvalidParameterError(`${model}: randomState must be an integer or null`);
  }
}

export function cartOptions(model: string, params: TreeGrowthParams, nFeatures: number, rng: Rng): CartOptions {
  return {
    maxDepth: params.maxDepth ?? Infinity,
    minSamplesSplit: params.minSamplesSplit,
    minSamplesLeaf: params.minSamplesLeaf,
    maxFeatures: resolveMaxFeatures(model, params.maxFeatures, nFeatures),
    minImpurityDecrease: params.minImpurityDecrease,
    rng,
  };
}

export function rngFor(randomState: number | null): Rng {
  return new Rng(randomState ?? undefined);
}
