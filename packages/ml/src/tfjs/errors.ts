/** What compileTfjsModel accepts, listed in every UnsupportedLayerError. */
export const SUPPORTED_LAYERS =
  'Dense, Conv2D (valid/same padding, strides, channelsLast, no dilation), AveragePooling2D, MaxPooling2D, ' +
  'Flatten, Reshape, Dropout, BatchNormalization (last axis), Activation / ReLU / Softmax layers, ' +
  'activations relu, sigmoid, tanh, linear and softmax (softmax last only); a single-input chain of layers';

/** A tfjs layer (or layer configuration) with no FHE lowering: names the layer, its class and what is supported. */
export class UnsupportedLayerError extends Error {
  override name = 'UnsupportedLayerError';
  constructor(
    readonly layerName: string,
    readonly layerClass: string,
    reason: string,
  ) {
    super(`layer '${layerName}' (${layerClass}): ${reason}. Supported: ${SUPPORTED_LAYERS}`);
  }
}
