/**
 * Signed gadget decomposition with rounding, base B = 2^beta, l levels.
 *
 * A torus value v is first rounded to its closest multiple of q / B^l (q = 2^64):
 *   state = round(v / 2^(64 - beta*l))
 * then split into l digits d_j in [-B/2, B/2) with v ~ sum_(j=1..l) d_j * q / B^j:
 * digits come out least significant first (level l), a digit >= B/2 becomes d - B and
 * carries 1 into the next level. A carry out of level 1 is a multiple of q: dropped.
 * The rounding error |v - sum| <= q / (2 B^l) is part of the noise formulas.
 */
export function decompositionInitState(value: u64, baseLog: i32, level: i32): u64 {
  const shift = 64 - baseLog * level;
  if (shift <= 0) return value;
  return (value >> <u64>shift) + ((value >> <u64>(shift - 1)) & 1);
}

/** Rounds a whole polynomial into decomposition states (dst may equal src). */
export function decompositionInitStates(dst: usize, src: usize, count: i32, baseLog: i32, level: i32): void {
  const shift = 64 - baseLog * level;
  const end = <usize>count << 3;
  if (shift <= 0) {
    memory.copy(dst, src, end);
    return;
  }
  const s = <u64>shift;
  const s1 = <u64>(shift - 1);
  for (let p: usize = 0; p < end; p += 8) {
    const v = load<u64>(src + p);
    store<u64>(dst + p, (v >> s) + ((v >> s1) & 1));
  }
}

/**
 * Takes the next (least significant remaining) digit of every state of a polynomial: writes it
 * to `digits` (i64) and leaves the carried, shifted state in place.
 */
export function decompositionNextDigits(digits: usize, states: usize, count: i32, baseLog: i32): void {
  const mask: u64 = (<u64>1 << <u64>baseLog) - 1;
  const half: u64 = <u64>1 << <u64>(baseLog - 1);
  const beta = <u64>baseLog;
  const end = <usize>count << 3;
  for (let p: usize = 0; p < end; p += 8) {
    const state = load<u64>(states + p);
    const digit = state & mask;
    const carry = (digit & half) >> <u64>(baseLog - 1); // 1 when digit >= B/2
    store<i64>(digits + p, <i64>digit - <i64>(carry << beta));
    store<u64>(states + p, (state >> beta) + carry);
  }
}
