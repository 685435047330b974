import { noise, securityReport, type ParameterSet, type SecurityReport } from '@cml/tfhe-wasm';
import type { NormalizedConstraints } from './constraints.js';
import { lookupCost, type CostModel, type LookupCost } from './cost-model.js';
import { log2DecodingFailure } from './noise-budget.js';
import { bootstrapKeyBytes, keyswitchKeyBytes } from './search-space.js';

/** What the chosen set costs and guarantees, all from @cml/tfhe-wasm's models. */
export interface OptimizationReport {
  /** The constraints as searched (defaults applied, pError per lookup). */
  readonly constraints: NormalizedConstraints;
  /** log2 of the per-lookup failure probability the set had to meet. */
  readonly log2PErrorTarget: number;
  /** log2 p_fail of one lookup at the constraints' precision and norm (modelled). */
  readonly log2PFail: number;
  /** log2 p_fail of one lookup-free output (modelled), if there is one. */
  readonly outputLog2PFail: number | undefined;
  /** log2 of the probability that any lookup or output of the circuit fails. */
  readonly log2GlobalPFail: number;
  /** Security bits of the small LWE key, the GLWE key and the weaker of the two. */
  readonly security: SecurityReport;
  /** Modelled time of one lookup and of all of the circuit's lookups (single-threaded). */
  readonly cost: LookupCost & { readonly totalMs: number; readonly model: string };
  readonly keySizes: {
    /** Bootstrap key in the Fourier domain, as the core holds it. */
    readonly bootstrapKeyBytes: number;
    /** Keyswitch key in memory. */
    readonly keyswitchKeyBytes: number;
  };
  /** Whether the modelled noise assumes the centered modulus switch. */
  readonly centeredModulusSwitch: boolean;
}

/** Variance of the inputs of a linear combination: bootstrap outputs or fresh encryptions. */
function inputVariance(params: ParameterSet, withBootstrapOutputs: boolean): number {
  const fresh = noise.freshBigKeyVariance(params);
  return withBootstrapOutputs ? Math.max(noise.bootstrapVariance(params), fresh) : fresh;
}

/** log2 of 1 - (1 - 2^a)^count (+) (1 - 2^b)^count2: the chance that at least one event fails. */
function log2AnyFailure(events: readonly { log2P: number; count: number }[]): number {
  let logSuccess = 0; // ln P(no failure)
  let firstOrder = 0; // sum count * p, for when the above rounds to 0
  for (const { log2P, count } of events) {
    if (count === 0) continue;
    logSuccess += count * Math.log1p(-(2 ** log2P));
    firstOrder += count * 2 ** log2P;
  }
  const exact = -Math.expm1(logSuccess);
  if (exact > 1e-300 && exact > 0) return Math.log2(exact);
  if (firstOrder > 0) return Math.log2(firstOrder);
  // Both underflow: return the largest term's log with its count.
  return Math.max(...events.filter((e) => e.count > 0).map((e) => e.log2P + Math.log2(e.count)));
}

/** Modelled log2 p_fail of one lookup of `precision` bits fed by weights of 2-norm `norm2`. */
export function lookupLog2PFail(params: ParameterSet, precision: number, norm2: number, centered: boolean): number {
  const variance =
    norm2 * norm2 * inputVariance(params, true) + noise.keyswitchVariance(params) + noise.modulusSwitchVariance(params, centered);
  return log2DecodingFailure(precision, variance);
}

export function buildReport(
  params: ParameterSet,
  c: NormalizedConstraints,
  model: CostModel,
  centered: boolean,
): OptimizationReport {
  const log2PFail = lookupLog2PFail(params, params.precision, params.maxNorm2, centered);
  const outputLog2PFail = c.output
    ? log2DecodingFailure(c.output.precision, c.output.norm2 ** 2 * inputVariance(params, c.output.combinesLookupOutputs))
    : undefined;
  const cost = lookupCost(params, model);
  const { lweDimension: n, glweDimension: k, polynomialSize: N } = params;
  return Object.freeze({
    constraints: c,
    log2PErrorTarget: Math.log2(c.pError),
    log2PFail,
    outputLog2PFail,
    log2GlobalPFail: log2AnyFailure([
      { log2P: log2PFail, count: c.lookupCount },
      { log2P: outputLog2PFail ?? Number.NEGATIVE_INFINITY, count: c.output?.count ?? 0 },
    ]),
    security: securityReport(params),
    cost: { ...cost, totalMs: cost.lookupMs * c.lookupCount, model: model.source },
    keySizes: {
      bootstrapKeyBytes: bootstrapKeyBytes(n, k, N, params.pbsLevel),
      keyswitchKeyBytes: keyswitchKeyBytes(n, k, N, params.ksLevel),
    },
    centeredModulusSwitch: centered,
  });
}
