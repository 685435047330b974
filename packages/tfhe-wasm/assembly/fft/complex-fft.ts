import { mulAdd, mulSub } from './fused-arithmetic';
import { RADIX4_TWIDDLE_STEP, radix4Twiddles } from './twiddles';

/**
 * In-place complex FFT of M = 2^m points in the pair layout (fourier-layout.ts): points 2P and
 * 2P + 1 share the 32 bytes at 32P, real parts first, so one v128 holds the real (or imaginary)
 * parts of two neighbouring points and its partner is 16 bytes on.
 *
 * Forward: decimation in frequency, natural order in, bit-reversed order out:
 *   for h = M/2 .. 1, every block of 2h, j < h:  (x, y) -> (x + y, (x - y) * e^(-2*pi*i*j/(2h)))
 * Backward: decimation in time with conjugate twiddles, bit-reversed in, natural out:
 *   for h = 1 .. M/2:                            (x, y) -> (x + y*conj(w), x - y*conj(w))
 * Backward(Forward(z)) = M*z. The bit-reversed middle never matters: the only thing done in
 * the Fourier domain is pointwise products, which commute with the permutation.
 * Butterflies run two per f64x2. Stages are fused two by two into radix-4 passes (half the
 * memory traffic); the last two (h = 2, 1) form a radix-4 pass without multiplications
 * (twiddles 1 and -i).
 *
 * Why pairs rather than all real parts then all imaginary parts: a point's imaginary part is
 * then a constant offset from its real part, which WASM loads and stores carry as an
 * immediate; the split layout needs a second address per point, and V8 ran out of registers
 * for the eight of a radix-4 butterfly (1.1x at M = 1024, 1.3x at M = 4096, measured).
 */
/**
 * Blocks of this many points (16 KiB of data) stay in L1: once the DIF stages have split the
 * array into independent blocks that small, each block runs all its remaining stages before
 * the next block is touched (and the reverse for the DIT inverse).
 */
const BLOCK_POINTS: i32 = 1024;

export function fftForwardInPlace(z: usize, m: i32, twiddles: usize): void {
  const stageRe = twiddles + (<usize>m << 4);
  const stageIm = twiddles + (<usize>m << 4) + (<usize>m << 3);
  if (m < 16) unreachable(); // M >= 16 (N >= 32); the parameter checks keep N >= 256
  // Stages h = m/2 .. 4 go two at a time (radix 4); an odd one out goes first as radix 2.
  const stages = 29 - clz<i32>(m); // log2(m) - 2
  let h = m >> 1;
  if (stages & 1) {
    radix2Stage(z, m, h, stageRe, stageIm, true);
    h >>= 1;
  }
  for (; h >= 8 && h << 1 > BLOCK_POINTS; h >>= 2) radix4ForwardStages(z, m, h, radix4Twiddles(twiddles, m, h));
  const block = h << 1;
  for (let offset = 0; offset < m; offset += block) {
    const b = z + (<usize>offset << 4);
    for (let g = h; g >= 8; g >>= 2) radix4ForwardStages(b, block, g, radix4Twiddles(twiddles, m, g));
    edgeStagesSimd(b, block, true);
  }
}

export function fftBackwardInPlace(z: usize, m: i32, twiddles: usize): void {
  const stageRe = twiddles + (<usize>m << 4);
  const stageIm = twiddles + (<usize>m << 4) + (<usize>m << 3);
  if (m < 16) unreachable(); // M >= 16 (N >= 32); the parameter checks keep N >= 256
  // The mirror image of fftForwardInPlace: same blocks, same passes, in reverse order.
  const stages = 29 - clz<i32>(m);
  let h = m >> 1;
  if (stages & 1) h >>= 1;
  const topH = h;
  while (h >= 8 && h << 1 > BLOCK_POINTS) h >>= 2;
  const block = h << 1;
  for (let offset = 0; offset < m; offset += block) {
    const b = z + (<usize>offset << 4);
    edgeStagesSimd(b, block, false);
    for (let g = 8; g <= h; g <<= 2) radix4BackwardStages(b, block, g, radix4Twiddles(twiddles, m, g));
  }
  for (let g = h << 2; g <= topH; g <<= 2) radix4BackwardStages(z, m, g, radix4Twiddles(twiddles, m, g));
  if (stages & 1) radix2Stage(z, m, m >> 1, stageRe, stageIm, false);
}

/**
 * One stage of half-size h (h >= 2), two butterflies per f64x2: forward (DIF)
 * (x, y) -> (x + y, (x - y) w), backward (DIT) t = y conj(w), (x, y) -> (x + t, x - t).
 */
// @ts-ignore: decorator
@inline
function radix2Stage(z: usize, m: i32, h: i32, stageRe: usize, stageIm: usize, forward: bool): void {
  const hb = <usize>h << 4;
  const twRe = stageRe + (<usize>h << 3);
  const twIm = stageIm + (<usize>h << 3);
  const end = z + (<usize>m << 4);
  for (let s = z; s < end; s += hb << 1) {
    // The stage twiddles are split (re then im); t walks them 16 bytes per pair of points.
    let t: usize = 0;
    for (let p = s; p < s + hb; p += 32) {
      const xr = v128.load(p), xi = v128.load(p, 16);
      const yr = v128.load(p + hb), yi = v128.load(p + hb, 16);
      const wr = v128.load(twRe + t), wi = v128.load(twIm + t);
      if (forward) {
        v128.store(p, f64x2.add(xr, yr));
        v128.store(p, f64x2.add(xi, yi), 16);
        const dr = f64x2.sub(xr, yr);
        const di = f64x2.sub(xi, yi);
        v128.store(p + hb, mulSub(dr, wr, di, wi));
        v128.store(p + hb, mulAdd(dr, wi, di, wr), 16);
      } else {
        const tr = mulAdd(yr, wr, yi, wi);
        const ti = mulSub(yi, wr, yr, wi);
        v128.store(p, f64x2.add(xr, tr));
        v128.store(p, f64x2.add(xi, ti), 16);
        v128.store(p + hb, f64x2.sub(xr, tr));
        v128.store(p + hb, f64x2.sub(xi, ti), 16);
      }
      t += 16;
    }
  }
}

/**
 * Two DIF stages in one pass: half-size h = 2q, then q (q >= 4), as a radix-2^2 butterfly with
 * three complex multiplications. On x0..x3 = z[j + {0,q,2q,3q}], using w_h^(j+q) = -i w_h^j
 * and w_q^j = w_h^(2j):
 *   a0 = x0 + x2, a1 = x1 + x3, d2 = x0 - x2, d3' = -i (x1 - x3)
 *   z[j] = a0 + a1, z[j+q] = (a0 - a1) w_h^(2j), z[j+2q] = (d2 + d3') w_h^j, z[j+3q] = (d2 - d3') w_h^(3j)
 */
function radix4ForwardStages(z: usize, m: i32, h: i32, twiddles: usize): void {
  radix4Pass(z, m, h, twiddles, true);
}

/**
 * The loop of a radix-4 pass (q = h/2 pairs apart), forward or backward butterflies.
 * One twiddle pointer with constant offsets (twiddles.ts): fewer live addresses than six.
 * Two butterflies per iteration (q/2 >= 2 pairs, always even): the loop's own instructions
 * (V8's interrupt check, branches, induction updates) are paid once for both.
 */
// @ts-ignore: decorator
@inline
function radix4Pass(z: usize, m: i32, h: i32, twiddles: usize, forward: bool): void {
  const qb = <usize>h << 3; // q = h/2 points of 16 bytes
  const end = z + (<usize>m << 4);
  for (let s = z; s < end; s += <usize>h << 5) {
    let w = twiddles;
    for (let p0 = s; p0 < s + qb; p0 += 64) {
      if (forward) {
        radix4ForwardButterfly(p0, qb, w);
        radix4ForwardButterfly(p0 + 32, qb, w + RADIX4_TWIDDLE_STEP);
      } else {
        radix4BackwardButterfly(p0, qb, w);
        radix4BackwardButterfly(p0 + 32, qb, w + RADIX4_TWIDDLE_STEP);
      }
      w += 2 * RADIX4_TWIDDLE_STEP;
    }
  }
}

/** One radix-4 DIF butterfly on the pairs of points at p0 + {0, 1, 2, 3} * qb, twiddles at w. */
// @ts-ignore: decorator
@inline
function radix4ForwardButterfly(p0: usize, qb: usize, w: usize): void {
  const p1 = p0 + qb;
  const p2 = p1 + qb;
  const p3 = p2 + qb;
  const x0r = v128.load(p0), x0i = v128.load(p0, 16);
  const x1r = v128.load(p1), x1i = v128.load(p1, 16);
  const x2r = v128.load(p2), x2i = v128.load(p2, 16);
  const x3r = v128.load(p3), x3i = v128.load(p3, 16);
  const a0r = f64x2.add(x0r, x2r), a0i = f64x2.add(x0i, x2i);
  const a1r = f64x2.add(x1r, x3r), a1i = f64x2.add(x1i, x3i);
  const d2r = f64x2.sub(x0r, x2r), d2i = f64x2.sub(x0i, x2i);
  // d3' = -i (x1 - x3) = (x1i - x3i) - i (x1r - x3r)
  const d3r = f64x2.sub(x1i, x3i), d3i = f64x2.sub(x3r, x1r);
  v128.store(p0, f64x2.add(a0r, a1r));
  v128.store(p0, f64x2.add(a0i, a1i), 16);
  const w2r = v128.load(w, 32), w2i = v128.load(w, 48);
  const e1r = f64x2.sub(a0r, a1r), e1i = f64x2.sub(a0i, a1i);
  v128.store(p1, mulSub(e1r, w2r, e1i, w2i));
  v128.store(p1, mulAdd(e1r, w2i, e1i, w2r), 16);
  const w1r = v128.load(w), w1i = v128.load(w, 16);
  const e2r = f64x2.add(d2r, d3r), e2i = f64x2.add(d2i, d3i);
  v128.store(p2, mulSub(e2r, w1r, e2i, w1i));
  v128.store(p2, mulAdd(e2r, w1i, e2i, w1r), 16);
  const w3r = v128.load(w, 64), w3i = v128.load(w, 80);
  const e3r = f64x2.sub(d2r, d3r), e3i = f64x2.sub(d2i, d3i);
  v128.store(p3, mulSub(e3r, w3r, e3i, w3i));
  v128.store(p3, mulAdd(e3r, w3i, e3i, w3r), 16);
}

/**
 * The inverse of radix4ForwardStages (unnormalized: each of the two stages doubles), with
 * conjugate twiddles:
 *   t = y1 conj(w_h^(2j)), a0 = y0 + t, a1 = y0 - t
 *   p = y2 conj(w_h^j), m = y3 conj(w_h^(3j)), d2 = p + m, d3 = i (p - m)
 *   z[j] = a0 + d2, z[j+2q] = a0 - d2, z[j+q] = a1 + d3, z[j+3q] = a1 - d3
 */
function radix4BackwardStages(z: usize, m: i32, h: i32, twiddles: usize): void {
  radix4Pass(z, m, h, twiddles, false);
}

/** One radix-4 DIT butterfly (conjugate twiddles) on the pairs at p0 + {0, 1, 2, 3} * qb. */
// @ts-ignore: decorator
@inline
function radix4BackwardButterfly(p0: usize, qb: usize, w: usize): void {
  const p1 = p0 + qb;
  const p2 = p1 + qb;
  const p3 = p2 + qb;
  const y0r = v128.load(p0), y0i = v128.load(p0, 16);
  const y1r = v128.load(p1), y1i = v128.load(p1, 16);
  const w2r = v128.load(w, 32), w2i = v128.load(w, 48);
  // y * conj(w) = (yr wr + yi wi) + i (yi wr - yr wi)
  const tr = mulAdd(y1r, w2r, y1i, w2i);
  const ti = mulSub(y1i, w2r, y1r, w2i);
  const a0r = f64x2.add(y0r, tr), a0i = f64x2.add(y0i, ti);
  const a1r = f64x2.sub(y0r, tr), a1i = f64x2.sub(y0i, ti);
  const y2r = v128.load(p2), y2i = v128.load(p2, 16);
  const w1r = v128.load(w), w1i = v128.load(w, 16);
  const pr = mulAdd(y2r, w1r, y2i, w1i);
  const pi = mulSub(y2i, w1r, y2r, w1i);
  const y3r = v128.load(p3), y3i = v128.load(p3, 16);
  const w3r = v128.load(w, 64), w3i = v128.load(w, 80);
  const mr = mulAdd(y3r, w3r, y3i, w3i);
  const mi = mulSub(y3i, w3r, y3r, w3i);
  const d2r = f64x2.add(pr, mr), d2i = f64x2.add(pi, mi);
  // d3 = i (p - m) = -(pi - mi) + i (pr - mr)
  const d3r = f64x2.sub(mi, pi), d3i = f64x2.sub(pr, mr);
  v128.store(p0, f64x2.add(a0r, d2r));
  v128.store(p0, f64x2.add(a0i, d2i), 16);
  v128.store(p2, f64x2.sub(a0r, d2r));
  v128.store(p2, f64x2.sub(a0i, d2i), 16);
  v128.store(p1, f64x2.add(a1r, d3r));
  v128.store(p1, f64x2.add(a1i, d3i), 16);
  v128.store(p3, f64x2.sub(a1r, d3r));
  v128.store(p3, f64x2.sub(a1i, d3i), 16);
}

/**
 * The two stages at the edge of the transform, on two 4-point groups at a time (128 bytes):
 * the groups' points are transposed so lane 0 holds group 0 and lane 1 group 1, the
 * butterflies run vertically, and the results are transposed back (m a multiple of 8).
 *   forward, DIF h = 2 (twiddles 1, -i) then h = 1:
 *     a = z0 + z2, b = z1 + z3, c = z0 - z2, d = -i (z1 - z3)  ->  (a + b, a - b, c + d, c - d)
 *   backward, DIT h = 1 then h = 2 (conjugate twiddles), its exact inverse up to a factor 4:
 *     the same with points 1 and 2 exchanged on both sides and d = +i (z1 - z3).
 */
// @ts-ignore: decorator
@inline
function edgeStagesSimd(z: usize, m: i32, forward: bool): void {
  const end = z + (<usize>m << 4);
  for (let p = z; p < end; p += 128) {
    const g01r = v128.load(p), g01i = v128.load(p, 16), g23r = v128.load(p, 32), g23i = v128.load(p, 48);
    const h01r = v128.load(p, 64), h01i = v128.load(p, 80), h23r = v128.load(p, 96), h23i = v128.load(p, 112);
    const r0 = i64x2.shuffle(g01r, h01r, 0, 2), r3 = i64x2.shuffle(g23r, h23r, 1, 3);
    const i0 = i64x2.shuffle(g01i, h01i, 0, 2), i3 = i64x2.shuffle(g23i, h23i, 1, 3);
    // Points 1 and 2, exchanged for the backward direction.
    const r1 = forward ? i64x2.shuffle(g01r, h01r, 1, 3) : i64x2.shuffle(g23r, h23r, 0, 2);
    const i1 = forward ? i64x2.shuffle(g01i, h01i, 1, 3) : i64x2.shuffle(g23i, h23i, 0, 2);
    const r2 = forward ? i64x2.shuffle(g23r, h23r, 0, 2) : i64x2.shuffle(g01r, h01r, 1, 3);
    const i2 = forward ? i64x2.shuffle(g23i, h23i, 0, 2) : i64x2.shuffle(g01i, h01i, 1, 3);
    const ar = f64x2.add(r0, r2), ai = f64x2.add(i0, i2);
    const br = f64x2.add(r1, r3), bi = f64x2.add(i1, i3);
    const cr = f64x2.sub(r0, r2), ci = f64x2.sub(i0, i2);
    // d = -i (z1 - z3) = (i1 - i3) + i (r3 - r1) forward; its negation backward.
    const dr = forward ? f64x2.sub(i1, i3) : f64x2.sub(i3, i1);
    const di = forward ? f64x2.sub(r3, r1) : f64x2.sub(r1, r3);
    const diffR = f64x2.sub(ar, br), diffI = f64x2.sub(ai, bi);
    const crossR = f64x2.add(cr, dr), crossI = f64x2.add(ci, di);
    const o0r = f64x2.add(ar, br), o0i = f64x2.add(ai, bi);
    const o1r = forward ? diffR : crossR, o1i = forward ? diffI : crossI;
    const o2r = forward ? crossR : diffR, o2i = forward ? crossI : diffI;
    const o3r = f64x2.sub(cr, dr), o3i = f64x2.sub(ci, di);
    v128.store(p, i64x2.shuffle(o0r, o1r, 0, 2));
    v128.store(p, i64x2.shuffle(o0i, o1i, 0, 2), 16);
    v128.store(p, i64x2.shuffle(o2r, o3r, 0, 2), 32);
    v128.store(p, i64x2.shuffle(o2i, o3i, 0, 2), 48);
    v128.store(p, i64x2.shuffle(o0r, o1r, 1, 3), 64);
    v128.store(p, i64x2.shuffle(o0i, o1i, 1, 3), 80);
    v128.store(p, i64x2.shuffle(o2r, o3r, 1, 3), 96);
    v128.store(p, i64x2.shuffle(o2i, o3i, 1, 3), 112);
  }
}
