import type { MatrixLike } from '../core/matrix.js';

/** A fitted-on-train feature transform (StandardScaler, MinMaxScaler...). */
export interface Transformer {
  fit(X: MatrixLike): unknown;
  transform(X: MatrixLike): number[][];
}

/** The model end of a pipeline. */
export interface PipelineModel {
  fit(X: number[][], y: number[]): unknown;
  predict(X: number[][]): number[];
  predictProba?(X: number[][]): number[][];
}

/**
 * A transform followed by a model, fitted together so the transform only ever sees
 * training data (what sklearn's make_pipeline(StandardScaler(), model) does in CV).
 */
export class Pipeline<M extends PipelineModel> {
  constructor(
    readonly transformer: Transformer,
    readonly model: M,
  ) {}

  fit(X: MatrixLike, y: ArrayLike<number>): this {
    this.transformer.fit(X);
    this.model.fit(this.transformer.transform(X), Array.from(y));
    return this;
  }

  predict(X: MatrixLike): number[] {
    return this.model.predict(this.transformer.transform(X));
  }

  predictProba(X: MatrixLike): number[][] {
    if (!this.model.predictProba) throw new TypeError('the pipeline model has no predictProba');
    return this.model.predictProba(this.transformer.transform(X));
  }
}

export function makePipeline<M extends PipelineModel>(transformer: Transformer, model: M): Pipeline<M> {
  return new Pipeline(transformer, model);
}
