/**
 * The browser-safe client role of @cml/ml: key generation, encryption and decryption without
 * TensorFlow.js or Node modules (what the web client bundles).
 *
 * @module @cml/ml/client
 */
export * from '@cml/ml/client';
