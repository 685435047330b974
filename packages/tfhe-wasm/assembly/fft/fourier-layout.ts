/**
 * The pair layout of complex vectors (Fourier polynomials, the twist table): the M points are
 * stored two by two, 32 bytes per pair, real parts first:
 *   bytes 32P .. 32P+15:  re z_2P, re z_(2P+1)      (one v128)
 *   bytes 32P+16 .. +31:  im z_2P, im z_(2P+1)      (the next v128)
 * A v128 loop over pairs reads a point's imaginary parts at a constant 16-byte offset from its
 * real parts, which WASM loads and stores encode as an immediate: one address per pair of
 * points instead of two (the split layout, re[M] then im[M]).
 */

/** Byte offset of point j's real part; its imaginary part is 16 bytes on. */
// @ts-ignore: decorator
@inline
export function pointByte(j: i32): usize {
  return (<usize>(j >> 1) << 5) + (<usize>(j & 1) << 3);
}
