/**
 * @cml/web — the browser client: key generation, encryption and decryption in the page,
 * computation on the server. Not built yet (issue 8); this entry point only proves the
 * package is wired to the WASM core it will use directly.
 */
export { initTfhe } from '@cml/tfhe-wasm';
