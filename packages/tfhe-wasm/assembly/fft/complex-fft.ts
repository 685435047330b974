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
  if (m < 4) {
    if (m == 2) radix2Pair(z);
    return;
  }
  // Stages h = m/2 .. 4 go two at a time (radix 4); an odd one out goes first as radix 2.
  const stages = 29 - clz<i32>(m); // log2(m) - 2
  let h = m >> 1;
  if (stages & 1) {
    radix2ForwardStage(z, m, h, stageRe, stageIm);
    h >>= 1;
  }
  for (; h >= 8 && h << 1 > BLOCK_POINTS; h >>= 2) radix4ForwardStages(z, m, h, radix4Twiddles(twiddles, m, h));
  const block = h << 1;
  for (let offset = 0; offset < m; offset += block) {
    const b = z + (<usize>offset << 4);
    for (let g = h; g >= 8; g >>= 2) radix4ForwardStages(b, block, g, radix4Twiddles(twiddles, m, g));
    // Two 4-point groups per iteration; the scalar version only serves blocks of 4 (M <= 8).
    if (block >= 8) radix4LastStagesForwardSimd(b, block);
    else radix4LastStagesForward(b, block);
  }
}

export function fftBackwardInPlace(z: usize, m: i32, twiddles: usize): void {
  const stageRe = twiddles + (<usize>m << 4);
  const stageIm = twiddles + (<usize>m << 4) + (<usize>m << 3);
  if (m < 4) {
    if (m == 2) radix2Pair(z);
    return;
  }
  // The mirror image of fftForwardInPlace: same blocks, same passes, in reverse order.
  const stages = 29 - clz<i32>(m);
  let h = m >> 1;
  if (stages & 1) h >>= 1;
  const topH = h;
  while (h >= 8 && h << 1 > BLOCK_POINTS) h >>= 2;
  const block = h << 1;
  for (let offset = 0; offset < m; offset += block) {
    const b = z + (<usize>offset << 4);
    if (block >= 8) radix4FirstStagesBackwardSimd(b, block);
    else radix4FirstStagesBackward(b, block);
    for (let g = 8; g <= h; g <<= 2) radix4BackwardStages(b, block, g, radix4Twiddles(twiddles, m, g));
  }
  for (let g = h << 2; g <= topH; g <<= 2) radix4BackwardStages(z, m, g, radix4Twiddles(twiddles, m, g));
  if (stages & 1) radix2BackwardStage(z, m, m >> 1, stageRe, stageIm);
}

/** One DIF stage of half-size h (h >= 2), two butterflies per f64x2. */
function radix2ForwardStage(z: usize, m: i32, h: i32, stageRe: usize, stageIm: usize): void {
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
      v128.store(p, f64x2.add(xr, yr));
      v128.store(p, f64x2.add(xi, yi), 16);
      const dr = f64x2.sub(xr, yr);
      const di = f64x2.sub(xi, yi);
      v128.store(p + hb, mulSub(dr, wr, di, wi));
      v128.store(p + hb, mulAdd(dr, wi, di, wr), 16);
      t += 16;
    }
  }
}

/** One DIT stage of half-size h (h >= 2) with conjugate twiddles. */
function radix2BackwardStage(z: usize, m: i32, h: i32, stageRe: usize, stageIm: usize): void {
  const hb = <usize>h << 4;
  const twRe = stageRe + (<usize>h << 3);
  const twIm = stageIm + (<usize>h << 3);
  const end = z + (<usize>m << 4);
  for (let s = z; s < end; s += hb << 1) {
    let t: usize = 0;
    for (let p = s; p < s + hb; p += 32) {
      const xr = v128.load(p), xi = v128.load(p, 16);
      const yr = v128.load(p + hb), yi = v128.load(p + hb, 16);
      const wr = v128.load(twRe + t), wi = v128.load(twIm + t);
      const tr = mulAdd(yr, wr, yi, wi);
      const ti = mulSub(yi, wr, yr, wi);
      v128.store(p, f64x2.add(xr, tr));
      v128.store(p, f64x2.add(xi, ti), 16);
      v128.store(p + hb, f64x2.sub(xr, tr));
      v128.store(p + hb, f64x2.sub(xi, ti), 16);
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
  const qb = <usize>h << 3; // q = h/2 points of 16 bytes
  const end = z + (<usize>m << 4);
  for (let s = z; s < end; s += <usize>h << 5) {
    // One twiddle pointer with constant offsets (twiddles.ts): fewer live addresses than six.
    // Two butterflies per iteration (q/2 >= 2 pairs, always even): the loop's own instructions
    // (V8's interrupt check, branches, induction updates) are paid once for both.
    let w = twiddles;
    for (let p0 = s; p0 < s + qb; p0 += 64) {
      radix4ForwardButterfly(p0, qb, w);
      radix4ForwardButterfly(p0 + 32, qb, w + RADIX4_TWIDDLE_STEP);
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
  const qb = <usize>h << 3;
  const end = z + (<usize>m << 4);
  for (let s = z; s < end; s += <usize>h << 5) {
    let w = twiddles;
    for (let p0 = s; p0 < s + qb; p0 += 64) {
      radix4BackwardButterfly(p0, qb, w);
      radix4BackwardButterfly(p0 + 32, qb, w + RADIX4_TWIDDLE_STEP);
      w += 2 * RADIX4_TWIDDLE_STEP;
    }
  }
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

/** The 2-point transform (M = 2): bytes 0, 8 hold the real parts, 16, 24 the imaginary. */
function radix2Pair(z: usize): void {
  const r0 = load<f64>(z), r1 = load<f64>(z, 8);
  const i0 = load<f64>(z, 16), i1 = load<f64>(z, 24);
  store<f64>(z, r0 + r1);
  store<f64>(z, r0 - r1, 8);
  store<f64>(z, i0 + i1, 16);
  store<f64>(z, i0 - i1, 24);
}

/** DIF stages h = 2 (twiddles 1, -i) then h = 1 on one block of 4 points (64 bytes). */
function radix4LastStagesForward(z: usize, m: i32): void {
  const end = z + (<usize>m << 4);
  for (let p = z; p < end; p += 64) {
    const r0 = load<f64>(p), r1 = load<f64>(p, 8), i0 = load<f64>(p, 16), i1 = load<f64>(p, 24);
    const r2 = load<f64>(p, 32), r3 = load<f64>(p, 40), i2 = load<f64>(p, 48), i3 = load<f64>(p, 56);
    const ar = r0 + r2, ai = i0 + i2;
    const br = r1 + r3, bi = i1 + i3;
    const cr = r0 - r2, ci = i0 - i2;
    // d = (z1 - z3) * (-i)
    const dr = i1 - i3, di = r3 - r1;
    store<f64>(p, ar + br);
    store<f64>(p, ar - br, 8);
    store<f64>(p, ai + bi, 16);
    store<f64>(p, ai - bi, 24);
    store<f64>(p, cr + dr, 32);
    store<f64>(p, cr - dr, 40);
    store<f64>(p, ci + di, 48);
    store<f64>(p, ci - di, 56);
  }
}

/** DIT stages h = 1 then h = 2 (conjugate twiddles 1, +i): the exact inverse of the above. */
function radix4FirstStagesBackward(z: usize, m: i32): void {
  const end = z + (<usize>m << 4);
  for (let p = z; p < end; p += 64) {
    const r0 = load<f64>(p), r1 = load<f64>(p, 8), i0 = load<f64>(p, 16), i1 = load<f64>(p, 24);
    const r2 = load<f64>(p, 32), r3 = load<f64>(p, 40), i2 = load<f64>(p, 48), i3 = load<f64>(p, 56);
    const ar = r0 + r1, ai = i0 + i1;
    const cr = r0 - r1, ci = i0 - i1;
    const br = r2 + r3, bi = i2 + i3;
    // d = (z2 - z3) * (+i)
    const dr = i3 - i2, di = r2 - r3;
    store<f64>(p, ar + br);
    store<f64>(p, cr + dr, 8);
    store<f64>(p, ai + bi, 16);
    store<f64>(p, ci + di, 24);
    store<f64>(p, ar - br, 32);
    store<f64>(p, cr - dr, 40);
    store<f64>(p, ai - bi, 48);
    store<f64>(p, ci - di, 56);
  }
}

/**
 * radix4LastStagesForward on two 4-point groups at a time (128 bytes), in f64x2 lanes: the
 * groups' points are transposed so lane 0 holds group 0 and lane 1 group 1, the butterflies
 * run vertically, and the results are transposed back (m a multiple of 8).
 */
function radix4LastStagesForwardSimd(z: usize, m: i32): void {
  const end = z + (<usize>m << 4);
  for (let p = z; p < end; p += 128) {
    const g01r = v128.load(p), g01i = v128.load(p, 16), g23r = v128.load(p, 32), g23i = v128.load(p, 48);
    const h01r = v128.load(p, 64), h01i = v128.load(p, 80), h23r = v128.load(p, 96), h23i = v128.load(p, 112);
    const r0 = i64x2.shuffle(g01r, h01r, 0, 2), r1 = i64x2.shuffle(g01r, h01r, 1, 3);
    const r2 = i64x2.shuffle(g23r, h23r, 0, 2), r3 = i64x2.shuffle(g23r, h23r, 1, 3);
    const i0 = i64x2.shuffle(g01i, h01i, 0, 2), i1 = i64x2.shuffle(g01i, h01i, 1, 3);
    const i2 = i64x2.shuffle(g23i, h23i, 0, 2), i3 = i64x2.shuffle(g23i, h23i, 1, 3);
    const ar = f64x2.add(r0, r2), ai = f64x2.add(i0, i2);
    const br = f64x2.add(r1, r3), bi = f64x2.add(i1, i3);
    const cr = f64x2.sub(r0, r2), ci = f64x2.sub(i0, i2);
    // d = (z1 - z3) * (-i)
    const dr = f64x2.sub(i1, i3), di = f64x2.sub(r3, r1);
    const o0r = f64x2.add(ar, br), o1r = f64x2.sub(ar, br), o2r = f64x2.add(cr, dr), o3r = f64x2.sub(cr, dr);
    const o0i = f64x2.add(ai, bi), o1i = f64x2.sub(ai, bi), o2i = f64x2.add(ci, di), o3i = f64x2.sub(ci, di);
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

/** radix4FirstStagesBackward on two 4-point groups at a time (see radix4LastStagesForwardSimd). */
function radix4FirstStagesBackwardSimd(z: usize, m: i32): void {
  const end = z + (<usize>m << 4);
  for (let p = z; p < end; p += 128) {
    const g01r = v128.load(p), g01i = v128.load(p, 16), g23r = v128.load(p, 32), g23i = v128.load(p, 48);
    const h01r = v128.load(p, 64), h01i = v128.load(p, 80), h23r = v128.load(p, 96), h23i = v128.load(p, 112);
    const r0 = i64x2.shuffle(g01r, h01r, 0, 2), r1 = i64x2.shuffle(g01r, h01r, 1, 3);
    const r2 = i64x2.shuffle(g23r, h23r, 0, 2), r3 = i64x2.shuffle(g23r, h23r, 1, 3);
    const i0 = i64x2.shuffle(g01i, h01i, 0, 2), i1 = i64x2.shuffle(g01i, h01i, 1, 3);
    const i2 = i64x2.shuffle(g23i, h23i, 0, 2), i3 = i64x2.shuffle(g23i, h23i, 1, 3);
    const ar = f64x2.add(r0, r1), ai = f64x2.add(i0, i1);
    const cr = f64x2.sub(r0, r1), ci = f64x2.sub(i0, i1);
    const br = f64x2.add(r2, r3), bi = f64x2.add(i2, i3);
    // d = (z2 - z3) * (+i)
    const dr = f64x2.sub(i3, i2), di = f64x2.sub(r2, r3);
    const o0r = f64x2.add(ar, br), o1r = f64x2.add(cr, dr), o2r = f64x2.sub(ar, br), o3r = f64x2.sub(cr, dr);
    const o0i = f64x2.add(ai, bi), o1i = f64x2.add(ci, di), o2i = f64x2.sub(ai, bi), o3i = f64x2.sub(ci, di);
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
