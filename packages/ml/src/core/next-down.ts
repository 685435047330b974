const scratch = new Float64Array(1);
const bits = new BigInt64Array(scratch.buffer);

/**
 * The largest double strictly below x (finite x). Lets a strict test `v < t` be stored as
 * the non-strict `v <= nextDown(t)`, which is exact for every double v.
 */
export function nextDown(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  scratch[0] = x;
  bits[0] = x > 0 ? (bits[0] as bigint) - 1n : (bits[0] as bigint) + 1n;
  return scratch[0] as number;
}
