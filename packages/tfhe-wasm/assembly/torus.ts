/**
 * Torus arithmetic. The discretized torus T_q with q = 2^64 is the ring Z/2^64Z: u64
 * addition wraps exactly like addition of torus elements.
 */
export function torusAdd(a: u64, b: u64): u64 {
  return a + b;
}

/** Sums `count` torus elements at `ptr` two lanes at a time (proof that SIMD is enabled). */
export function torusSumSimd(ptr: usize, count: i32): u64 {
  let acc = i64x2.splat(0);
  let i = 0;
  for (; i + 1 < count; i += 2) {
    acc = i64x2.add(acc, v128.load(ptr + (<usize>i << 3)));
  }
  let sum = i64x2.extract_lane(acc, 0) + i64x2.extract_lane(acc, 1);
  if (i < count) sum += load<u64>(ptr + (<usize>i << 3));
  return <u64>sum;
}
