export { compileTfjsModel, flattenSamples, type TfjsCompileOptions, type TfjsSamples } from './compile-tfjs-model.js';
export { UnsupportedLayerError, SUPPORTED_LAYERS } from './errors.js';
