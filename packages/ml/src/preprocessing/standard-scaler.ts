import { BaseModel, loadModel, type ModelDump } from '../core/base.js';
import { toMatrix, toRows, type MatrixLike } from '../core/matrix.js';
import { withDefaults } from '../core/params.js';

export interface StandardScalerParams {
  withMean: boolean;
  withStd: boolean;
}

export interface StandardScalerState {
  nFeatures: number;
  mean: number[];
  /** Population standard deviation per feature; 1 for constant features (as sklearn). */
  scale: number[];
}

/** z = (x − mean) / std per feature, statistics from the training data. */
export class StandardScaler extends BaseModel<StandardScalerParams, StandardScalerState> {
  constructor(options?: Partial<StandardScalerParams>) {
    super(withDefaults('StandardScaler', { withMean: true, withStd: true }, options));
  }

  get modelName(): string {
    return 'StandardScaler';
  }

  static load(dump: ModelDump<StandardScalerParams, StandardScalerState> | string): StandardScaler {
    return loadModel((p) => new StandardScaler(p), dump);
  }

  fit(X: MatrixLike): this {
    const m = toMatrix(X);
    const mean = new Array<number>(m.cols).fill(0);
    const scale = new Array<number>(m.cols).fill(1);
    for (let j = 0; j < m.cols; j++) {
      let s = 0;
      for (let i = 0; i < m.rows; i++) s += m.data[i * m.cols + j] as number;
      const mu = s / m.rows;
      let v = 0;
      for (let i = 0; i < m.rows; i++) v += ((m.data[i * m.cols + j] as number) - mu) ** 2;
      const std = Math.sqrt(v / m.rows);
      if (this.params.withMean) mean[j] = mu;
      if (this.params.withStd) scale[j] = std > 10 * Number.EPSILON * Math.max(1, Math.abs(mu)) ? std : 1;
    }
    this.fittedState = { nFeatures: m.cols, mean, scale };
    return this;
  }

  transform(X: MatrixLike): number[][] {
    const { m, state } = this.checkX(X, 'transform');
    for (let i = 0; i < m.rows; i++) {
      for (let j = 0; j < m.cols; j++) {
        const k = i * m.cols + j;
        m.data[k] = ((m.data[k] as number) - (state.mean[j] as number)) / (state.scale[j] as number);
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
        m.data[k] = (m.data[k] as number) * (state.scale[j] as number) + (state.mean[j] as number);
      }
    }
    return toRows(m);
  }
}
