import { ShapeError } from '../errors.js';
import { formatShape } from './shape.js';

/**
 * NumPy broadcasting: align shapes on their trailing axes; two sizes are compatible when
 * they are equal or one of them is 1; the result takes the larger size on each axis.
 */
export function broadcastShapes(
  a: readonly number[],
  b: readonly number[],
  op = 'broadcast',
): number[] {
  const rank = Math.max(a.length, b.length);
  const out = new Array<number>(rank);
  for (let i = 1; i <= rank; i++) {
    const da = a[a.length - i] ?? 1;
    const db = b[b.length - i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError(
        `${op}: shapes ${formatShape(a)} and ${formatShape(b)} cannot be broadcast together (axis -${i}: ${da} vs ${db})`,
      );
    }
    out[rank - i] = da === 1 ? db : da;
  }
  return out;
}
