/**
 * @cml/compiler — graph passes, the parameter optimizer, lowering to TFHE programs, and the
 * Circuit / Client / Server runtime. Built on @cml/tracer and @cml/tfhe-wasm.
 */
export { broadcastShapes } from '@cml/tracer';
export { initTfhe } from '@cml/tfhe-wasm';
