import { toMatrix, type Matrix, type MatrixLike } from './matrix.js';
import { fround } from '../core/math.js';

/**
 * Features rounded to float32, as sklearn's trees (DTYPE = float32) and xgboost's DMatrix
 * store them: split thresholds are midpoints of float32 values, so training and prediction
 * must see the same rounded values for rows near a threshold to go the same way as there.
 */
export function toFloat32Matrix(X: MatrixLike | Matrix): Matrix {
  const m = 'data' in X ? X : toMatrix(X);
  return { rows: m.rows, cols: m.cols, data: m.data.map(fround) };
}
