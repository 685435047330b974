export { ACTIVATIONS, activate, type Activation } from './activation.js';
export { extremeInputs } from './extreme-inputs.js';
export { QuantizedDense, type QuantizedDenseParams, type Requantization } from './quantized-dense.js';
export { quantizeDenseNetwork, type FloatDense, type NetworkQuantization, type QuantizedNetwork } from './quantize-network.js';
export { bitsOfSpan, roundLowBits } from './rounding.js';
export { quantizeChannelWeights, type ChannelWeights } from './weight-quantizer.js';
