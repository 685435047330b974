import { type FittedState } from '../core/base.js';
import { ClassifierModel } from '../core/estimators.js';
import { encodeLabels } from '../core/labels.js';
import { toMatrix, type Matrix, type MatrixLike } from '../core/matrix.js';
import type { ClearModeOptions, ExecuteModeOptions, PredictOptions } from '../fhe/fhe-model.js';

export interface LinearClassifierState extends FittedState {
  classes: number[];
  /** One row per decision function: 1 row for two classes, K rows for K > 2. */
  coef: number[][];
  intercept: number[];
}

/**
 * A classifier scoring each sample by X·coefᵀ + intercept: with two classes one score
 * (positive means classes[1]), with K classes one score per class (largest wins).
 */
export abstract class LinearClassifierBase<P extends object> extends ClassifierModel<P, LinearClassifierState> {
  /** Fits the scores on encoded labels 0..K-1. */
  protected abstract solve(X: Matrix, y: Int32Array, nClasses: number): { coef: number[][]; intercept: number[] };

  fit(X: MatrixLike, y: ArrayLike<number>): this {
    const m = toMatrix(X);
    const { classes, encoded } = encodeLabels(y, m.rows, this.modelName);
    const { coef, intercept } = this.solve(m, encoded, classes.length);
    this.fittedState = { nFeatures: m.cols, classes, coef, intercept };
    return this;
  }

  get classes(): number[] {
    return this.state('classes').classes.slice();
  }

  get coef(): number[][] {
    return this.state('coef').coef.map((r) => r.slice());
  }

  get intercept(): number[] {
    return this.state('intercept').intercept.slice();
  }

  /** Scores as a flat row-major n × (number of decision functions) array. */
  protected scores(X: MatrixLike, method: string): { values: Float64Array; width: number; state: LinearClassifierState } {
    const { m, state } = this.checkX(X, method);
    const width = state.coef.length;
    const values = new Float64Array(m.rows * width);
    for (let i = 0; i < m.rows; i++) {
      for (let k = 0; k < width; k++) {
        const w = state.coef[k] as number[];
        let s = state.intercept[k] as number;
        for (let j = 0; j < m.cols; j++) s += (m.data[i * m.cols + j] as number) * (w[j] as number);
        values[i * width + k] = s;
      }
    }
    return { values, width, state };
  }

  /** sklearn's decision_function: a number per sample (binary) or a row of K scores. */
  decisionFunction(X: MatrixLike, options?: ClearModeOptions): number[] | number[][];
  decisionFunction(X: MatrixLike, options: ExecuteModeOptions): Promise<number[] | number[][]>;
  decisionFunction(X: MatrixLike, options: PredictOptions): number[] | number[][] | Promise<number[] | number[][]>;
  decisionFunction(X: MatrixLike, options?: PredictOptions): number[] | number[][] | Promise<number[] | number[][]> {
    return this.withFhe('decisionFunction', X, options, () => this.decisionFunctionFloat(X));
  }

  private decisionFunctionFloat(X: MatrixLike): number[] | number[][] {
    const { values, width } = this.scores(X, 'decisionFunction');
    if (width === 1) return Array.from(values);
    const rows: number[][] = [];
    for (let i = 0; i < values.length; i += width) rows.push(Array.from(values.subarray(i, i + width)));
    return rows;
  }

  protected predictFloat(X: MatrixLike): number[] {
    const { values, width, state } = this.scores(X, 'predict');
    const out: number[] = [];
    for (let i = 0; i < values.length; i += width) {
      let best = 0;
      if (width === 1) best = (values[i] as number) > 0 ? 1 : 0;
      else for (let k = 1; k < width; k++) if ((values[i + k] as number) > (values[i + best] as number)) best = k;
      out.push(state.classes[best] as number);
    }
    return out;
  }
}
