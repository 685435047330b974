/** The TFHE parameter optimizer: the cheapest secure KS_PBS set for a circuit's constraints. */
export { optimizeParameters, type OptimizationResult, type OptimizerOptions } from './optimize-parameters.js';
export {
  splitGlobalPError,
  type LookupFreeOutput,
  type NormalizedConstraints,
  type OptimizerConstraints,
} from './constraints.js';
export { DEFAULT_COST_MODEL, lookupCost, lookupWork, type CostModel, type LookupCost, type LookupShape, type LookupWork } from './cost-model.js';
export { DEFAULT_SEARCH_SPACE, type SearchSpace } from './search-space.js';
export { lookupLog2PFail, type OptimizationReport } from './report.js';
export { InvalidConstraintsError, NoParametersError, type UnsatisfiableRequest } from './errors.js';
