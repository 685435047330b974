/**
 * @cml/server — HTTP server for encrypted inference. It serves deployed models: clients upload
 * evaluation keys and ciphertexts; the server computes without ever holding a secret key.
 * Not built yet (issue 8); this entry point only proves the package is wired to @cml/ml.
 */
export { initTfhe } from '@cml/ml';
