import { log2PFail } from '../noise/p-fail.js';
import type { ParameterSet } from './parameter-set.js';
import { InvalidParameterError } from '../errors.js';
import { parameterSets } from './presets.js';

export interface ParameterQuery {
  /** Bits of the table-lookup input, 1..8. */
  readonly precision: number;
  /** Largest acceptable failure probability of one bootstrap (default 2^-64). */
  readonly pFail?: number;
}

const DEFAULT_P_FAIL = 2 ** -64;

/**
 * The cheapest published set that runs `precision`-bit table lookups with a bootstrap
 * failure probability of at most `pFail` (noise model, at the set's maxNorm2). That is the
 * preset built for `precision` when it qualifies, else the first larger preset that does,
 * re-labelled for `precision` (messages keep their own encoding, so the larger set's noise
 * margin lowers p_fail by orders of magnitude). Throws for a precision
 * outside 1..8 or a pFail no preset meets (InvalidParameterError).
 */
export function getParameterSet(query: ParameterQuery): ParameterSet {
  const { precision } = query;
  const pFail = query.pFail ?? DEFAULT_P_FAIL;
  const supported = parameterSets.map((set) => set.precision);
  if (!supported.includes(precision)) {
    throw new InvalidParameterError(
      `no parameter set for ${precision}-bit table lookups: supported precisions are ${Math.min(...supported)} to ${Math.max(...supported)}`,
    );
  }
  if (!(pFail > 0 && pFail < 1)) {
    throw new InvalidParameterError(`pFail must be a probability strictly between 0 and 1, got ${pFail}`);
  }
  const target = Math.log2(pFail);
  let best = Number.POSITIVE_INFINITY;
  for (const set of parameterSets) {
    if (set.precision < precision) continue;
    const achieved = log2PFail(set, { precision, norm2: set.maxNorm2 });
    if (achieved <= target) return set.precision === precision ? set : relabel(set, precision);
    best = Math.min(best, achieved);
  }
  throw new InvalidParameterError(
    `no preset reaches p_fail 2^${target.toFixed(2)} for ${precision}-bit lookups (best: 2^${best.toFixed(2)})`,
  );
}

function relabel(set: ParameterSet, precision: number): ParameterSet {
  const { recordedLog2PFail: _recorded, ...rest } = set;
  return Object.freeze({ ...rest, name: `${set.name}-at-${precision}bit`, precision });
}
