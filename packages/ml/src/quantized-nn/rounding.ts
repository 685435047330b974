/**
 * Concrete's round_bit_pattern on one integer: the nearest multiple of 2^l, ties upward,
 * floor((v + 2^(l−1)) / 2^l) · 2^l. Written independently of the tracer's op, so the plain-JS
 * quantized model checks the traced one.
 */
export function roundLowBits(v: number, lsbsToRemove: number): number {
  if (lsbsToRemove === 0) return v;
  const unit = 2 ** lsbsToRemove;
  return Math.floor((v + unit / 2) / unit) * unit;
}

/** Bits of an unsigned integer range [0, span]: ceil(log2(span + 1)), at least 1. */
export function bitsOfSpan(span: number): number {
  let bits = 1;
  while (2 ** bits - 1 < span) bits++;
  return bits;
}
