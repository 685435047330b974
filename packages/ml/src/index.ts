/**
 * @cml/ml — scikit-learn-style models and TensorFlow.js conversion compiled to FHE.
 * It only builds graphs (via @cml/tracer) and calls @cml/compiler; it never touches
 * ciphertexts directly.
 */
export { broadcastShapes, initTfhe } from '@cml/compiler';
