import { erfc, lnErfc, log2Erfc } from './erfc.js';
import { log2PFail, pFail } from './p-fail.js';
import {
  bootstrapVariance,
  fftVariance,
  fftVarianceFitted,
  freshBigKeyVariance,
  keyswitchVariance,
  modulusSwitchVariance,
  varianceBeforeBootstrap,
} from './variance.js';

export type { PFailQuery } from './p-fail.js';

/** The noise model of the KS_PBS pipeline: variances (torus units) and failure probabilities. */
export const noise = Object.freeze({
  keyswitchVariance,
  fftVariance,
  fftVarianceFitted,
  bootstrapVariance,
  modulusSwitchVariance,
  freshBigKeyVariance,
  varianceBeforeBootstrap,
  pFail,
  log2PFail,
  erfc,
  lnErfc,
  log2Erfc,
});
