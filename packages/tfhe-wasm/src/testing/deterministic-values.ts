/**
 * Deterministic pseudo-random test inputs (xorshift128+ seeded from a label), so a failing test
 * input can be reproduced. Test-only: never used for keys, masks or noise.
 */
export interface DeterministicValues {
  /** Integer uniform in [lo, hi) (hi - lo <= 2^52). */
  int(lo: number, hi: number): number;
  /** Uniform 64-bit unsigned value. */
  u64(): bigint;
}

export function deterministicTestValues(label: string): DeterministicValues {
  let s0 = 0x9e3779b97f4a7c15n;
  let s1 = 0xbf58476d1ce4e5b9n;
  for (const c of label) {
    s0 = BigInt.asUintN(64, (s0 ^ BigInt(c.charCodeAt(0))) * 0x100000001b3n);
    s1 = BigInt.asUintN(64, (s1 + s0) * 0x9e3779b97f4a7c15n);
  }
  function next(): bigint {
    let x = s0;
    const y = s1;
    s0 = y;
    x ^= BigInt.asUintN(64, x << 23n);
    s1 = x ^ y ^ (x >> 17n) ^ (y >> 26n);
    return BigInt.asUintN(64, s1 + y);
  }
  return {
    int(lo, hi) {
      const r = Number(next() >> 12n) / 2 ** 52;
      return lo + Math.floor(r * (hi - lo));
    },
    u64: next,
  };
}
