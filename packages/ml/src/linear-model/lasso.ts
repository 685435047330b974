import { loadModel, type ModelDump } from '../core/base.js';
import { ElasticNet, type ElasticNetParams } from './elastic-net.js';
import type { LinearRegressorState } from './linear-regressor-base.js';

export type LassoParams = Omit<ElasticNetParams, 'l1Ratio'>;

/** Least squares with an L1 penalty: min_w 1/(2n)‖y − Xw‖² + α‖w‖₁ (an elastic net with l1Ratio = 1). */
export class Lasso extends ElasticNet {
  constructor(options?: Partial<LassoParams>) {
    super({ ...options, l1Ratio: 1 }, 'Lasso');
  }

  override get modelName(): string {
    return 'Lasso';
  }

  static override load(dump: ModelDump<ElasticNetParams, LinearRegressorState> | string): Lasso {
    return loadModel((p) => new Lasso(p), dump);
  }
}
