// CSPRNG kernels exported to JavaScript: ChaCha20 (chacha20.ts) and the generator on top of it
// (csprng.ts). All state lives in caller memory; no kernel allocates.
export { chacha20Keystream } from './chacha20';
export {
  CSPRNG_STATE_BYTES,
  csprngInit,
  csprngNextU64,
  csprngFillU64,
  csprngFillBinaryU64,
  csprngGaussianI64,
  csprngAddGaussianU64,
  csprngAddTUniformU64,
} from './csprng';
