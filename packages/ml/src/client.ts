/**
 * @cml/ml/client — the browser-safe part of @cml/ml: the client role of a deployment
 * (built from bytes, no file system) and the types it reads. It pulls in neither
 * TensorFlow.js nor any `node:` module, so a page or Web Worker can bundle it.
 */
export { FHEModelClient, type ClientResult } from './deployment/fhe-model-client.js';
export type { QuantizedModelSpec } from './fhe/client-spec.js';
export { initTfhe } from '@cml/tfhe-wasm';
