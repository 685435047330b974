import { loadModel, type ModelDump } from '../core/base.js';
import { requireInteger, requirePositive, withDefaults } from '../core/params.js';
import { GLM_DEFAULTS, GlmBase, type GlmParams } from './glm-base.js';
import type { LinearRegressorState } from './linear-regressor-base.js';
import { tweedieFamily, type GlmFamily } from './tweedie-family.js';

export interface TweedieRegressorParams extends GlmParams {
  power: number;
  link: 'auto' | 'identity' | 'log';
}

function checkGlm(model: string, params: GlmParams): void {
  requirePositive(model, 'alpha', params.alpha, true);
  requireInteger(model, 'maxIter', params.maxIter, 1);
}

/** Poisson regression (log link) for counts: y ≥ 0. */
export class PoissonRegressor extends GlmBase<GlmParams> {
  constructor(options?: Partial<GlmParams>) {
    super(withDefaults('PoissonRegressor', GLM_DEFAULTS, options));
    checkGlm('PoissonRegressor', this.params);
  }

  get modelName(): string {
    return 'PoissonRegressor';
  }

  static load(dump: ModelDump<GlmParams, LinearRegressorState> | string): PoissonRegressor {
    return loadModel((p) => new PoissonRegressor(p), dump);
  }

  protected family(): GlmFamily {
    return tweedieFamily(1, 'log');
  }
}

/** Gamma regression (log link) for positive skewed targets: y > 0. */
export class GammaRegressor extends GlmBase<GlmParams> {
  constructor(options?: Partial<GlmParams>) {
    super(withDefaults('GammaRegressor', GLM_DEFAULTS, options));
    checkGlm('GammaRegressor', this.params);
  }

  get modelName(): string {
    return 'GammaRegressor';
  }

  static load(dump: ModelDump<GlmParams, LinearRegressorState> | string): GammaRegressor {
    return loadModel((p) => new GammaRegressor(p), dump);
  }

  protected family(): GlmFamily {
    return tweedieFamily(2, 'log');
  }
}

/** Tweedie regression of any power (0 = normal with identity link by default). */
export class TweedieRegressor extends GlmBase<TweedieRegressorParams> {
  constructor(options?: Partial<TweedieRegressorParams>) {
    super(withDefaults('TweedieRegressor', { ...GLM_DEFAULTS, power: 0, link: 'auto' }, options));
    checkGlm('TweedieRegressor', this.params);
    tweedieFamily(this.params.power, this.params.link);
  }

  get modelName(): string {
    return 'TweedieRegressor';
  }

  static load(dump: ModelDump<TweedieRegressorParams, LinearRegressorState> | string): TweedieRegressor {
    return loadModel((p) => new TweedieRegressor(p), dump);
  }

  protected family(): GlmFamily {
    return tweedieFamily(this.params.power, this.params.link);
  }
}
