export { compileModel, type CompilableModel, type FheCompileOptions } from './compile-model.js';
export { FheModel, quantizeRows, type ClearModeOptions, type ExecuteModeOptions, type FheMode, type FheResult, type PredictOptions } from './fhe-model.js';
export type { FheHead, QuantizedModelSpec } from './client-spec.js';
export type { IntegerProgram } from './integer-program.js';
export { DeploymentError, NotCompiledError, UnsupportedModelError } from './errors.js';
export { predictionFromScores, probabilitiesFromScores, scoresFromOutputs } from './post-processing.js';
