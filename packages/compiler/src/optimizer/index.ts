/**
 * The TFHE parameter optimizer: the cheapest secure KS_PBS parameter set for a circuit.
 *
 * ```ts
 * const { parameters, report } = optimizeParameters({
 *   lookupPrecision: 4,   // widest table-lookup input, in bits
 *   norm2: 5,             // largest 2-norm of the clear weights feeding a lookup
 *   lookupCount: 120,     // lookups per run (scales the reported cost)
 *   globalPError: 2 ** -20, // or pError per lookup (default 2^-40)
 * });
 * parameters.name;          // 'optimized-p4-nu5-2m26.91' (2^-26.91 per lookup)
 * report.log2PFail;         // modelled, <= the per-lookup budget
 * report.security.overall;  // >= 128
 * report.cost.totalMs;      // modelled single-threaded time of the 120 lookups
 * ```
 *
 * Noise: @cml/tfhe-wasm's model (noise/variance.ts), std devs from its 128-bit security
 * curve. Cost: concrete-optimizer's complexity model with constants fitted to the WASM core
 * (cost-model.ts, bench/optimizer-calibrate.js). Comparison with the published presets:
 * bench/optimizer.js.
 */
export { optimizeParameters, type OptimizationResult, type OptimizerOptions } from './optimize-parameters.js';
export {
  splitGlobalPError,
  type LookupFreeOutput,
  type NormalizedConstraints,
  type NormalizedOutput,
  type OptimizerConstraints,
} from './constraints.js';
export { DEFAULT_COST_MODEL, lookupCost, lookupWork, type CostModel, type LookupCost, type LookupShape, type LookupWork } from './cost-model.js';
export { DEFAULT_SEARCH_SPACE, type SearchSpace } from './search-space.js';
export { lookupLog2PFail, type OptimizationReport } from './report.js';
export { InvalidConstraintsError, NoParametersError, type UnsatisfiableRequest } from './errors.js';
