import { noise, parameterSets, type ParameterSet } from '@cml/tfhe-wasm';
import { ParameterSelectionError } from './errors.js';

export interface ParameterConstraints {
  /** P: message bits of the circuit. */
  readonly precision: number;
  /** Largest 2-norm of the weights feeding a lookup. */
  readonly maxNorm2: number;
  /** Number of table lookups (bootstraps) of one run. */
  readonly lookups: number;
  readonly pError: number;
  readonly globalPError: number | undefined;
}

export interface ParameterChoice {
  readonly parameters: ParameterSet;
  /** log2 of the failure probability of one lookup with these parameters. */
  readonly log2PError: number;
  /** Failure probability of one run (any lookup failing). */
  readonly globalPError: number;
}

/** The per-lookup budget: pError, tightened so that `lookups` lookups fail with at most globalPError. */
export function perLookupBudget(constraints: ParameterConstraints): number {
  if (constraints.globalPError === undefined || constraints.lookups === 0) return constraints.pError;
  const share = -Math.expm1(Math.log1p(-constraints.globalPError) / constraints.lookups);
  return Math.min(constraints.pError, share);
}

/**
 * The cheapest published 128-bit parameter set (the smallest precision at or above P) whose
 * noise model gives a lookup failure probability within the budget at the circuit's largest
 * 2-norm. The optimizer (src/optimizer) will replace this search.
 */
export function chooseParameters(constraints: ParameterConstraints): ParameterChoice {
  const budget = Math.log2(perLookupBudget(constraints));
  const norm2 = Math.max(constraints.maxNorm2, 1);
  const candidates = [...parameterSets].filter((set) => set.precision >= constraints.precision).sort((a, b) => a.precision - b.precision);
  for (const parameters of candidates) {
    const log2PError = noise.log2PFail(parameters, { precision: constraints.precision, norm2 });
    if (log2PError <= budget) {
      const globalPError = -Math.expm1(constraints.lookups * Math.log1p(-(2 ** log2PError)));
      return { parameters, log2PError, globalPError };
    }
  }
  throw new ParameterSelectionError(
    `no 128-bit parameter set runs ${constraints.precision}-bit lookups at 2-norm ${norm2.toFixed(1)} with failure probability 2^${budget.toFixed(1)}: ` +
      'use fewer bits (quantize or roundBitPattern), smaller weights before non-linear operations, or a larger pError',
  );
}
