/**
 * @cml/tfhe-wasm — a TFHE core in AssemblyScript compiled to WebAssembly.
 */
export { initTfhe, type TfheExports } from './wasm-module.js';
export type { ParameterSet } from './params/parameter-set.js';
export { parameterSets } from './params/presets.js';
export { Csprng } from './random/csprng.js';
export { CsprngError } from './random/csprng-error.js';
export type { CsprngKernels } from './random/csprng-kernels.js';
export { randomSeed, SEED_BYTES } from './random/random-seed.js';
