export { UniformQuantizer, type QuantizerParams } from './uniform-quantizer.js';
