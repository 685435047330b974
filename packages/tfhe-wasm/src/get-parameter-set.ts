import { InvalidParameterError } from './errors.js';
import type { ParameterSet } from './params/parameter-set.js';
import { parameterSets } from './params/presets.js';

/** Failure probabilities the presets are published for (log2). */
const AVAILABLE_LOG2_PFAIL = [-64];

/**
 * The published 128-bit parameter set for a table-lookup precision (bits) and a failure
 * probability per bootstrap (default 2^-64, the only one available now).
 */
export function getParameterSet({ precision, pFail = 2 ** -64 }: { precision: number; pFail?: number }): ParameterSet {
  if (!AVAILABLE_LOG2_PFAIL.includes(Math.log2(pFail))) {
    throw new InvalidParameterError(`no parameter set for pFail ${pFail}: available are 2^-64`);
  }
  const set = parameterSets.find((p) => p.precision === precision);
  if (!set) {
    const known = parameterSets.map((p) => p.precision).join(', ');
    throw new InvalidParameterError(`no parameter set for precision ${precision}: available are ${known}`);
  }
  return set;
}
