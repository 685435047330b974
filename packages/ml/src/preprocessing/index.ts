export { MinMaxScaler, type MinMaxScalerParams, type MinMaxScalerState } from './min-max-scaler.js';
export { makePipeline, Pipeline, type PipelineModel, type Transformer } from './pipeline.js';
export { StandardScaler, type StandardScalerParams, type StandardScalerState } from './standard-scaler.js';
