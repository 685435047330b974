/**
 * The public API of @cml/tfhe-wasm, as its users import it.
 *
 * @module @cml/tfhe-wasm
 */
export * from '@cml/tfhe-wasm';
