export { serializeClientKey, deserializeClientKey } from './client-key-format.js';
export { compressedEvaluationKeysBytes, deserializeEvaluationKeys, serializeEvaluationKeys } from './evaluation-keys-format.js';
export { deserializeCiphertext, deserializeCiphertexts, serializeCiphertext, serializeCiphertexts } from './lwe-ciphertext-format.js';
export { deserialize, type DeserializedObject } from './deserialize.js';
export { deserializeCompressedCiphertexts, encryptCompressed } from './compressed-ciphertexts.js';
