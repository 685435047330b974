/**
 * @cml/server — HTTP server for encrypted inference. It serves deployed models: clients upload
 * evaluation keys and ciphertexts; the server computes without ever holding a secret key.
 */
export { createServer } from './create-server.js';
export { startServer, type StartOptions } from './start-server.js';
export { createDemoDeployment, createDigitsDeployment, DEMO_FEATURES, type DemoDeployment } from './demo-deployment.js';
export type { ServerOptions } from './options.js';
export type { ClientDescription } from './served-model.js';
export {
  BadPayloadError,
  HttpError,
  KeyMismatchError,
  OverloadedError,
  ServerConfigError,
  UnknownKeyError,
  UnknownModelError,
  UnsupportedMediaTypeError,
} from './errors.js';
export { WorkQueue } from './work-queue.js';
export { KeyStore } from './key-store.js';
