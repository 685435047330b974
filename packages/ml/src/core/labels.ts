import { InvalidInputError, LabelError } from './errors.js';

/** Class labels of a classification target, sorted, and each sample's index into them. */
export interface EncodedLabels {
  readonly classes: number[];
  readonly encoded: Int32Array;
}

/**
 * Encodes classification labels as 0..K-1 (sorted, as sklearn's LabelEncoder). Labels must
 * be integers: continuous targets are a regression problem and are refused, as sklearn
 * refuses an "Unknown label type: continuous".
 */
export function encodeLabels(y: ArrayLike<number>, nRows: number, model: string): EncodedLabels {
  if (y.length !== nRows) throw new InvalidInputError(`y has ${y.length} labels but X has ${nRows} rows`);
  const seen = new Set<number>();
  for (let i = 0; i < y.length; i++) {
    const v = y[i] as number;
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      throw new LabelError(`${model} needs integer class labels; y[${i}] is ${String(v)} (use a regressor for continuous targets)`);
    }
    seen.add(v);
  }
  if (seen.size < 2) throw new LabelError(`${model} needs at least 2 classes in y; got ${seen.size}`);
  const classes = [...seen].sort((a, b) => a - b);
  const index = new Map(classes.map((c, k) => [c, k]));
  const encoded = new Int32Array(y.length);
  for (let i = 0; i < y.length; i++) encoded[i] = index.get(y[i] as number) as number;
  return { classes, encoded };
}
