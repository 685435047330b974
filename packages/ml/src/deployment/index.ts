export { DEPLOYMENT_FILES } from './files.js';
export { FHEModelDev } from './fhe-model-dev.js';
export { FHEModelClient, type ClientResult } from './fhe-model-client.js';
export { FHEModelServer, type FHEModelServerRunOptions } from './fhe-model-server.js';
