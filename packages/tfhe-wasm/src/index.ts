/**
 * @cml/tfhe-wasm — a TFHE core in AssemblyScript compiled to WebAssembly.
 */
export { initTfhe, type TfheExports } from './wasm-module.js';
export type { ParameterSet } from './params/parameter-set.js';
export { parameterSets } from './params/presets.js';
