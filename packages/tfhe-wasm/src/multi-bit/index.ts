// PROTOTYPE multi-bit bootstrapping (see README.md): not exported from the package root.
export { MultiBitEvaluationKeys } from './multi-bit-keys.js';
export { MULTI_BIT_PARAMETER_SETS, getMultiBitParameterSet, MultiBitParameterError, type MultiBitParameterSet } from './parameters.js';
export { multiBitBootstrapVariance } from './noise.js';
export { monomialTablesFor, FourierLayoutError, type MonomialTables } from './fourier-monomials.js';
