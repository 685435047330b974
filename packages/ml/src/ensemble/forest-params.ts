import { InvalidParameterError } from '../core/errors.js';
import { requireInteger } from '../core/params.js';
import { checkTreeGrowth, type TreeGrowthParams } from '../tree/tree-params.js';

export interface ForestParams extends TreeGrowthParams {
  nEstimators: number;
  bootstrap: boolean;
  /** Rows drawn per bootstrap: null = all, an integer count, or a fraction in (0, 1]. */
  maxSamples: number | null;
}

export function checkForest(model: string, params: ForestParams): void {
  checkTreeGrowth(model, params);
  requireInteger(model, 'nEstimators', params.nEstimators, 1);
  if (params.maxSamples !== null && !(params.maxSamples > 0)) {
    throw new InvalidParameterError(`${model}: maxSamples must be null or > 0, got ${params.maxSamples}`);
  }
}

export function bootstrapSize(params: ForestParams, nRows: number): number {
  if (params.maxSamples === null) return nRows;
  if (params.maxSamples <= 1 && !Number.isInteger(params.maxSamples)) return Math.max(1, Math.round(params.maxSamples * nRows));
  return Math.min(nRows, params.maxSamples);
}
