import { InvalidParameterError } from '../core/errors.js';
import { requireInteger, requirePositive } from '../core/params.js';
import type { BoostedTreeOptions } from './boosted-tree-builder.js';

/** xgboost's scikit-learn wrapper options (camelCased), exact greedy trees. */
export interface XGBParams {
  nEstimators: number;
  maxDepth: number;
  learningRate: number;
  regLambda: number;
  regAlpha: number;
  /** Minimum gain to keep a split (xgboost's min_split_loss). */
  gamma: number;
  minChildWeight: number;
  /** Initial prediction (probability for logistic, value for regression), xgboost 1.x's default 0.5. */
  baseScore: number;
}

export const XGB_DEFAULTS: XGBParams = {
  nEstimators: 100,
  maxDepth: 6,
  learningRate: 0.3,
  regLambda: 1,
  regAlpha: 0,
  gamma: 0,
  minChildWeight: 1,
  baseScore: 0.5,
};

export function checkXgb(model: string, p: XGBParams): void {
  requireInteger(model, 'nEstimators', p.nEstimators, 1);
  requireInteger(model, 'maxDepth', p.maxDepth, 1);
  requirePositive(model, 'learningRate', p.learningRate);
  requirePositive(model, 'regLambda', p.regLambda, true);
  requirePositive(model, 'regAlpha', p.regAlpha, true);
  requirePositive(model, 'gamma', p.gamma, true);
  requirePositive(model, 'minChildWeight', p.minChildWeight, true);
  if (!Number.isFinite(p.baseScore)) throw new InvalidParameterError(`${model}: baseScore must be finite`);
}

export function treeOptions(p: XGBParams): BoostedTreeOptions {
  return {
    maxDepth: p.maxDepth,
    learningRate: p.learningRate,
    regLambda: p.regLambda,
    regAlpha: p.regAlpha,
    gamma: p.gamma,
    minChildWeight: p.minChildWeight,
  };
}
