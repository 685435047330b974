import { securityCurves, type ParameterSet } from '@cml/tfhe-wasm';
import { normalizeConstraints, type NormalizedConstraints, type OptimizerConstraints } from './constraints.js';
import { DEFAULT_COST_MODEL, lookupCost, type CostModel } from './cost-model.js';
import { bestPbsDecomposition, keyswitchTable, modulusSwitchVariance, type Decomposition } from './decompositions.js';
import { InvalidConstraintsError, NoParametersError } from './errors.js';
import { maxVarianceFor } from './noise-budget.js';
import { buildReport, type OptimizationReport } from './report.js';
import { DEFAULT_SEARCH_SPACE, bootstrapKeyBytes, validateSearchSpace, type SearchSpace } from './search-space.js';
import { secureStdDev } from './secure-noise.js';

export interface OptimizerOptions {
  /** Time constants of KS and PBS (default: fitted to @cml/tfhe-wasm). */
  readonly costModel?: CostModel;
  /** Overrides of the searched box (N range, levels, memory cap...). */
  readonly searchSpace?: Partial<SearchSpace>;
  /**
   * Budget the centered modulus switch (half the rounding noise), which @cml/tfhe-wasm's
   * bootstrap implements (default true). false reproduces tfhe-rs's v0_11 noise model.
   */
  readonly centeredModulusSwitch?: boolean;
  /** The security levels accepted (default [128] only); each must lie within the security curves. */
  readonly allowedSecurityLevels?: readonly number[];
}

export interface OptimizationResult {
  readonly parameters: ParameterSet;
  readonly report: OptimizationReport;
}

/** The cheapest candidate found so far, with the bases that give it the least noise. */
interface Best {
  cost: number;
  n: number;
  k: number;
  N: number;
  pbsLevel: number;
  ksLevel: number;
  pbs: Decomposition;
  ksBaseLog: number;
  glweStdDev: number;
}

const results = new Map<string, OptimizationResult>();

/**
 * The cheapest 128-bit KS_PBS parameter set (by the cost model) whose modelled failure
 * probability meets the constraints. For each (k, N, l_pbs, l_ks) the bases are those with the
 * least noise (the work does not depend on them), the std devs are the smallest the security
 * curve allows for n and kN, and n is scanned upward from the curve's start: the first n that
 * fits is that combination's cheapest, since the cost grows with n. A combination stops as
 * soon as its cost passes the best found so far, its bootstrap key passes the memory cap, or
 * the terms that grow with n (n * V_cmux and the modulus switch) alone exceed the budget.
 *
 * Noise before a lookup: sigma^2 = nu^2 * max(V_pbs, V_fresh) + V_ks + V_ms  <=  maxVariance(p, pError)
 * (the inputs of the linear combination are bootstrap outputs or fresh encryptions).
 * Lookup-free outputs: nu_out^2 * max(V_pbs, V_fresh) <= maxVariance(p_out, pError), or
 * nu_out^2 * V_fresh when they combine no lookup output.
 * A circuit without lookups still gets a set able to run 1-bit lookups of norm 1.
 *
 * Results are cached by constraints and options. Throws InvalidConstraintsError on malformed
 * constraints and NoParametersError when nothing in the search space fits.
 */
export function optimizeParameters(constraints: OptimizerConstraints, options: OptimizerOptions = {}): OptimizationResult {
  const normalized = normalizeConstraints(constraints);
  const costModel = options.costModel ?? DEFAULT_COST_MODEL;
  const space: SearchSpace = { ...DEFAULT_SEARCH_SPACE, ...options.searchSpace };
  validateSearchSpace(space);
  const centered = options.centeredModulusSwitch ?? true;
  const allowed = options.allowedSecurityLevels ?? [128];
  const { bits: lowest } = securityCurves[0]!;
  const { bits: highest } = securityCurves[securityCurves.length - 1]!;
  if (!(normalized.securityLevel >= lowest && normalized.securityLevel <= highest)) {
    throw new InvalidConstraintsError(`security level ${normalized.securityLevel} is outside the security curves (${lowest} to ${highest} bits)`);
  }
  if (!allowed.includes(normalized.securityLevel)) {
    throw new InvalidConstraintsError(
      `security level ${normalized.securityLevel} is not allowed (allowed: ${allowed.join(', ')}); pass it in allowedSecurityLevels`,
    );
  }
  const key = JSON.stringify([normalized, costModel, space, centered]);
  const cached = results.get(key);
  if (cached) return cached;

  const best = search(normalized, costModel, space, centered);
  const parameters = toParameterSet(normalized, best, centered);
  const result: OptimizationResult = Object.freeze({
    parameters,
    report: buildReport(parameters, normalized, costModel, centered),
  });
  results.set(key, result);
  return result;
}

function search(c: NormalizedConstraints, model: CostModel, space: SearchSpace, centered: boolean): Best {
  const precision = Math.max(c.lookupPrecision, 1);
  const nuSq = c.lookupPrecision > 0 ? c.norm2 * c.norm2 : 1;
  const budget = maxVarianceFor(precision, c.pError);
  const outNuSq = c.output ? c.output.norm2 * c.output.norm2 : 0;
  const outputsSeeBootstraps = c.output?.combinesLookupOutputs ? 1 : 0;
  const outBudget = c.output ? maxVarianceFor(c.output.precision, c.pError) : Number.POSITIVE_INFINITY;
  const { min: nMin, max: nMax } = space.lweDimensions;
  let best: Best | undefined;

  for (const k of space.glweDimensions) {
    for (const logN of space.log2PolynomialSizes) {
      const N = 2 ** logN;
      if (logN < precision + 1) continue; // the lookup table needs N >= 2^(p+1)
      const glweStdDev = secureStdDev(k * N, c.securityLevel);
      if (glweStdDev === undefined) continue;
      const fresh = glweStdDev * glweStdDev;
      if (outNuSq * fresh > outBudget) continue;
      const ms = modulusSwitchVariance(1, N, centered) - modulusSwitchVariance(0, N, centered); // per n
      const msConstant = modulusSwitchVariance(0, N, centered);
      if (nMin * ms + msConstant > budget) continue; // the modulus switch alone is too noisy
      // The work grows with both levels, so once the cheapest n is too dear, so are all deeper levels.
      const costAt = (n: number, pbsLevel: number, ksLevel: number): number =>
        lookupCost({ lweDimension: n, glweDimension: k, polynomialSize: N, pbsLevel, ksLevel }, model).lookupMs;
      for (let pbsLevel = 1; pbsLevel <= space.maxPbsLevel; pbsLevel++) {
        if (bootstrapKeyBytes(nMin, k, N, pbsLevel) > space.maxBootstrapKeyBytes) break;
        if (best && costAt(nMin, pbsLevel, 1) >= best.cost) break;
        const pbs = bestPbsDecomposition(k, N, pbsLevel, fresh, space.maxDecompositionBits);
        for (let ksLevel = 1; ksLevel <= space.maxKsLevel; ksLevel++) {
          const cost0 = costAt(0, pbsLevel, ksLevel);
          const costPerN = costAt(1, pbsLevel, ksLevel) - cost0;
          if (best && cost0 + costPerN * nMin >= best.cost) break;
          const table = keyswitchTable(ksLevel, c.securityLevel, nMin, nMax, space.maxKeyswitchDecompositionBits);
          for (let n = nMin; n <= nMax; n++) {
            const cost = cost0 + costPerN * n;
            if (best && cost >= best.cost) break;
            if (bootstrapKeyBytes(n, k, N, pbsLevel) > space.maxBootstrapKeyBytes) break;
            const vPbs = n * pbs.variance;
            const vMs = n * ms + msConstant;
            // (ternaries, not Math.max: global lookups are slow inside Jest's VM context)
            const vOut = outNuSq * (outputsSeeBootstraps * vPbs > fresh ? vPbs : fresh);
            if (nuSq * vPbs + vMs > budget || vOut > outBudget) break; // grows with n
            const vKs = k * N * table.variance[n - nMin]!;
            const input = vPbs > fresh ? vPbs : fresh;
            if (nuSq * input + vKs + vMs <= budget) {
              best = { cost, n, k, N, pbsLevel, ksLevel, pbs, ksBaseLog: table.baseLog[n - nMin]!, glweStdDev };
              break;
            }
          }
        }
      }
    }
  }
  if (!best) throw noParameters(c, model, space, centered, budget);
  return best;
}

/** The error for an empty search, saying whether the lookups or the lookup-free outputs are to blame. */
function noParameters(c: NormalizedConstraints, model: CostModel, space: SearchSpace, centered: boolean, budget: number): NoParametersError {
  const request = { lookupPrecision: c.lookupPrecision, norm2: c.norm2, pError: c.pError, securityLevel: c.securityLevel };
  if (c.output) {
    let lookupsFit = true;
    try {
      search({ ...c, output: undefined }, model, space, centered);
    } catch (error) {
      if (!(error instanceof NoParametersError)) throw error;
      lookupsFit = false;
    }
    if (lookupsFit) {
      return new NoParametersError(
        request,
        `${c.lookupCount > 0 ? 'the lookups fit, but ' : ''}no set decrypts a ${c.output.precision}-bit lookup-free result of 2-norm ${c.output.norm2} ` +
          '(fresh and bootstrapped encryptions are too noisy for that many bits at that norm)',
      );
    }
  }
  const logNs = space.log2PolynomialSizes;
  return new NoParametersError(
    request,
    `with N from 2^${Math.min(...logNs)} to 2^${Math.max(...logNs)} and a bootstrap key under ` +
      `${(space.maxBootstrapKeyBytes / 2 ** 30).toFixed(1)} GiB, no set keeps the noise std dev before a lookup ` +
      `under the 2^${(Math.log2(budget) / 2).toFixed(1)} it must stay below`,
  );
}

function formatNumber(x: number): string {
  return String(Number(x.toPrecision(4)));
}

/** Named after what it was sized for, e.g. optimized-p4-nu5-2m40 (-out16: lookup-free outputs; -stdms: standard modulus switch). */
function toParameterSet(c: NormalizedConstraints, best: Best, centered: boolean): ParameterSet {
  const lweNoiseStdDev = secureStdDev(best.n, c.securityLevel)!;
  const nu = c.lookupPrecision > 0 ? c.norm2 : 1;
  const output = c.output ? `-out${c.output.precision}` : '';
  const security = c.securityLevel === 128 ? '' : `-${c.securityLevel}bit`;
  return Object.freeze({
    name:
      `optimized-p${c.lookupPrecision}-nu${formatNumber(nu)}-2m${formatNumber(-Math.log2(c.pError))}` +
      `${output}${security}${centered ? '' : '-stdms'}`,
    precision: Math.max(c.lookupPrecision, 1),
    lweDimension: best.n,
    glweDimension: best.k,
    polynomialSize: best.N,
    lweNoiseStdDev,
    glweNoiseStdDev: best.glweStdDev,
    pbsBaseLog: best.pbs.baseLog,
    pbsLevel: best.pbsLevel,
    ksBaseLog: best.ksBaseLog,
    ksLevel: best.ksLevel,
    maxNorm2: nu,
  });
}
