/**
 * The two-product sums of complex arithmetic, fused (FMA) in the relaxed-SIMD build.
 *
 * Why: a complex product is four multiplications and two additions; with fused multiply-add
 * it is two multiplications and two FMAs, a third fewer instructions in the FFT butterflies and
 * the pointwise products. The relaxed-SIMD build (build/tfhe-relaxed*.wasm) is picked at run time
 * where the engine has relaxed SIMD (Chrome 114+, Node 22+); the other builds compile the plain
 * forms. relaxed_madd may round once (fused) or twice depending on the hardware, both far inside
 * the FFT's own error, which the noise model already budgets.
 */

/** a*b - c*d per lane. */
// @ts-ignore: decorator
@inline
export function mulSub(a: v128, b: v128, c: v128, d: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_nmadd(c, d, f64x2.mul(a, b));
  return f64x2.sub(f64x2.mul(a, b), f64x2.mul(c, d));
}

/** a*b + c*d per lane. */
// @ts-ignore: decorator
@inline
export function mulAdd(a: v128, b: v128, c: v128, d: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(c, d, f64x2.mul(a, b));
  return f64x2.add(f64x2.mul(a, b), f64x2.mul(c, d));
}
