/**
 * @cml/tfhe-wasm — a TFHE core in AssemblyScript compiled to WebAssembly.
 */
export { initTfhe, type TfheExports } from './wasm-module.js';
export type { ParameterSet } from './params/parameter-set.js';
export { parameterSets } from './params/presets.js';
export { getParameterSet, type ParameterQuery } from './params/get-parameter-set.js';
export { ClientKey, type DecryptOptions } from './client-key.js';
export { EvaluationKeys, type EvaluationKeyOptions, type LookupTable } from './evaluation-keys.js';
export { LweCiphertext, type LweKeyKind } from './lwe-ciphertext.js';
export { applyRoundedLookupTableBatch, applyRoundedLookupTableBatchInPool } from './bootstrap/rounded-lookup.js';
export { dotProduct, matrixVectorProduct } from './linear-algebra.js';
export {
  compressedEvaluationKeysBytes,
  deserialize,
  deserializeCiphertexts,
  deserializeCompressedCiphertexts,
  encryptCompressed,
  serializeCiphertexts,
  type DeserializedObject,
} from './serialization/index.js';
export { encode, decode } from './encoding.js';
export {
  DisposedError,
  InvalidParameterError,
  LookupTableLengthError,
  MissingLookupKeysError,
  ParameterMismatchError,
  ValueOutOfRangeError,
} from './errors.js';
export { AllocatorError } from './memory/allocator.js';
export { TfheInitError, TfheNotInitializedError, type InitOptions } from './wasm-module.js';
export { WorkerPool, WorkerPoolError, type WorkerPoolOptions } from './pool/worker-pool.js';
export { Csprng } from './random/csprng.js';
export { CsprngError } from './random/csprng-error.js';
export type { CsprngKernels } from './random/csprng-kernels.js';
export { randomSeed, SEED_BYTES } from './random/random-seed.js';
export { noise, type PFailQuery } from './noise/index.js';
export { lweSecurityBits, minimalStdDev, securityBits, securityReport, type SecurityReport } from './security/security-level.js';
export { securityCurves, type SecurityCurve } from './security/security-curves.js';
export {
  decodeFrame,
  DeserializationError,
  encodeFrame,
  FrameKind,
  parameterFingerprint,
  peekFrameKind,
  SerializationError,
  type DecodedFrame,
  type DeserializationFailure,
  type ExpectedSection,
  type Section,
  type SectionType,
} from './wire/index.js';
