/**
 * @cml/tfhe-wasm — a TFHE core in AssemblyScript compiled to WebAssembly.
 */
export { initTfhe, type TfheExports } from './wasm-module.js';
