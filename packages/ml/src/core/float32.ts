import { toMatrix, type Matrix, type MatrixLike } from '../core/matrix.js';
import { fround } from '../core/math.js';

/**
 * Features rounded to float32, as xgboost stores them in its DMatrix: split thresholds
 * are float32 midpoints, so training and prediction must see the same rounded values for
 * rows near a threshold to go the same way as in xgboost.
 */
export function toFloat32Matrix(X: MatrixLike | Matrix): Matrix {
  const m = 'data' in X ? X : toMatrix(X);
  return { rows: m.rows, cols: m.cols, data: m.data.map(fround) };
}
