// Entry point of the WASM core: every exported kernel is re-exported from here.
export { torusAdd, torusSumSimd } from './torus';
export * from './random/index';
export * from './fft/index';
export * from './entities/index';
export * from './algorithms/index';
export * from './serialization/index';
export { heapBase } from './memory';
