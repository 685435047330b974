import { BaseModel, loadModel, type ModelDump } from '../core/base.js';
import { InvalidParameterError } from '../core/errors.js';
import { toMatrix, toRows, type MatrixLike } from '../core/matrix.js';
import { withDefaults } from '../core/params.js';

export interface MinMaxScalerParams {
  featureRange: [number, number];
  clip: boolean;
}

export interface MinMaxScalerState {
  nFeatures: number;
  dataMin: number[];
  /** Per-feature multiplier: (hi − lo) / (max − min), or (hi − lo) for constant features. */
  scale: number[];
  /** Per-feature offset: lo − min·scale. */
  min: number[];
}

/** x' = x·scale + min, mapping each training feature's [min, max] onto featureRange. */
export class MinMaxScaler extends BaseModel<MinMaxScalerParams, MinMaxScalerState> {
  constructor(options?: Partial<MinMaxScalerParams>) {
    super(withDefaults('MinMaxScaler', { featureRange: [0, 1], clip: false }, options));
    const [lo, hi] = this.params.featureRange;
    if (!(lo < hi)) throw new InvalidParameterError(`MinMaxScaler: featureRange [${lo}, ${hi}] must have lo < hi`);
  }

  get modelName(): string {
    return 'MinMaxScaler';
  }

  static load(dump: ModelDump<MinMaxScalerParams, MinMaxScalerState> | string): MinMaxScaler {
    return loadModel((p) => new MinMaxScaler(p), dump);
  }

  fit(X: MatrixLike): this {
    const m = toMatrix(X);
    const [lo, hi] = this.params.featureRange;
    const dataMin: number[] = [];
    const scale: number[] = [];
    const min: number[] = [];
    for (let j = 0; j < m.cols; j++) {
      let a = Infinity;
      let b = -Infinity;
      for (let i = 0; i < m.rows; i++) {
        const v = m.data[i * m.cols + j] as number;
        a = Math.min(a, v);
        b = Math.max(b, v);
      }
      const s = (hi - lo) / (b - a === 0 ? 1 : b - a);
      dataMin.push(a);
      scale.push(s);
      min.push(lo - a * s);
    }
    this.fittedState = { nFeatures: m.cols, dataMin, scale, min };
    return this;
  }

  transform(X: MatrixLike): number[][] {
    const { m, state } = this.checkX(X, 'transform');
    const [lo, hi] = this.params.featureRange;
    for (let i = 0; i < m.rows; i++) {
      for (let j = 0; j < m.cols; j++) {
        const k = i * m.cols + j;
        const v = (m.data[k] as number) * (state.scale[j] as number) + (state.min[j] as number);
        m.data[k] = this.params.clip ? Math.min(hi, Math.max(lo, v)) : v;
      }
    }
    return toRows(m);
  }

  fitTransform(X: MatrixLike): number[][] {
    return this.fit(X).transform(X);
  }

  inverseTransform(X: MatrixLike): number[][] {
    const { m, state } = this.checkX(X, 'inverseTransform');
    for (let i = 0; i < m.rows; i++) {
      for (let j = 0; j < m.cols; j++) {
        const k = i * m.cols + j;
        m.data[k] = ((m.data[k] as number) - (state.min[j] as number)) / (state.scale[j] as number);
      }
    }
    return toRows(m);
  }
}
