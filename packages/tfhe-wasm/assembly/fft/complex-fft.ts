import { mulAdd, mulSub } from './fused-arithmetic';
import { RADIX4_TWIDDLE_STEP, radix4Twiddles } from './twiddles';

/**
 * In-place complex FFT of M = 2^m points stored split (re[M] then im[M], f64).
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
 */
/**
 * Blocks of this many points (16 KiB of data) stay in L1: once the DIF stages have split the
 * array into independent blocks that small, each block runs all its remaining stages before
 * the next block is touched (and the reverse for the DIT inverse).
 */
const BLOCK_POINTS: i32 = 1024;

export function fftForwardInPlace(re: usize, im: usize, m: i32, twiddles: usize): void {
  const stageRe = twiddles + (<usize>m << 4);
  const stageIm = twiddles + (<usize>m << 4) + (<usize>m << 3);
  if (m < 4) {
    if (m == 2) radix2Pair(re, im);
    return;
  }
  // Stages h = m/2 .. 4 go two at a time (radix 4); an odd one out goes first as radix 2.
  const stages = 29 - clz<i32>(m); // log2(m) - 2
  let h = m >> 1;
  if (stages & 1) {
    radix2ForwardStage(re, im, m, h, stageRe, stageIm);
    h >>= 1;
  }
  for (; h >= 8 && h << 1 > BLOCK_POINTS; h >>= 2) radix4ForwardStages(re, im, m, h, radix4Twiddles(twiddles, m, h));
  const block = h << 1;
  for (let offset = 0; offset < m; offset += block) {
    const r = re + (<usize>offset << 3);
    const i = im + (<usize>offset << 3);
    for (let g = h; g >= 8; g >>= 2) radix4ForwardStages(r, i, block, g, radix4Twiddles(twiddles, m, g));
    // Two 4-point groups per iteration; the scalar version only serves M = 4.
    if (block >= 8) radix4LastStagesForwardSimd(r, i, block);
    else radix4LastStagesForward(r, i, block);
  }
}

export function fftBackwardInPlace(re: usize, im: usize, m: i32, twiddles: usize): void {
  const stageRe = twiddles + (<usize>m << 4);
  const stageIm = twiddles + (<usize>m << 4) + (<usize>m << 3);
  if (m < 4) {
    if (m == 2) radix2Pair(re, im);
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
    const r = re + (<usize>offset << 3);
    const i = im + (<usize>offset << 3);
    if (block >= 8) radix4FirstStagesBackwardSimd(r, i, block);
    else radix4FirstStagesBackward(r, i, block);
    for (let g = 8; g <= h; g <<= 2) radix4BackwardStages(r, i, block, g, radix4Twiddles(twiddles, m, g));
  }
  for (let g = h << 2; g <= topH; g <<= 2) radix4BackwardStages(re, im, m, g, radix4Twiddles(twiddles, m, g));
  if (stages & 1) radix2BackwardStage(re, im, m, m >> 1, stageRe, stageIm);
}

/** One DIF stage of half-size h (h >= 2), two butterflies per f64x2. */
function radix2ForwardStage(re: usize, im: usize, m: i32, h: i32, stageRe: usize, stageIm: usize): void {
  const hb = <usize>h << 3;
  const twRe = stageRe + hb;
  const twIm = stageIm + hb;
  for (let s = 0; s < m; s += h << 1) {
    const sb = <usize>s << 3;
    for (let jb: usize = 0; jb < hb; jb += 16) {
      const p = sb + jb;
      const xr = v128.load(re + p);
      const xi = v128.load(im + p);
      const yr = v128.load(re + p + hb);
      const yi = v128.load(im + p + hb);
      const wr = v128.load(twRe + jb);
      const wi = v128.load(twIm + jb);
      v128.store(re + p, f64x2.add(xr, yr));
      v128.store(im + p, f64x2.add(xi, yi));
      const dr = f64x2.sub(xr, yr);
      const di = f64x2.sub(xi, yi);
      v128.store(re + p + hb, mulSub(dr, wr, di, wi));
      v128.store(im + p + hb, mulAdd(dr, wi, di, wr));
    }
  }
}

/** One DIT stage of half-size h (h >= 2) with conjugate twiddles. */
function radix2BackwardStage(re: usize, im: usize, m: i32, h: i32, stageRe: usize, stageIm: usize): void {
  const hb = <usize>h << 3;
  const twRe = stageRe + hb;
  const twIm = stageIm + hb;
  for (let s = 0; s < m; s += h << 1) {
    const sb = <usize>s << 3;
    for (let jb: usize = 0; jb < hb; jb += 16) {
      const p = sb + jb;
      const xr = v128.load(re + p);
      const xi = v128.load(im + p);
      const yr = v128.load(re + p + hb);
      const yi = v128.load(im + p + hb);
      const wr = v128.load(twRe + jb);
      const wi = v128.load(twIm + jb);
      const tr = mulAdd(yr, wr, yi, wi);
      const ti = mulSub(yi, wr, yr, wi);
      v128.store(re + p, f64x2.add(xr, tr));
      v128.store(im + p, f64x2.add(xi, ti));
      v128.store(re + p + hb, f64x2.sub(xr, tr));
      v128.store(im + p + hb, f64x2.sub(xi, ti));
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
function radix4ForwardStages(re: usize, im: usize, m: i32, h: i32, twiddles: usize): void {
  const qb = <usize>h << 2;
  const mb = <usize>m << 3;
  for (let sb: usize = 0; sb < mb; sb += <usize>h << 4) {
    // One twiddle pointer with constant offsets (twiddles.ts): fewer live addresses than six.
    let w = twiddles;
    for (let jb: usize = 0; jb < qb; jb += 16) {
      const p0 = sb + jb;
      const p1 = p0 + qb;
      const p2 = p1 + qb;
      const p3 = p2 + qb;
      const x0r = v128.load(re + p0), x0i = v128.load(im + p0);
      const x1r = v128.load(re + p1), x1i = v128.load(im + p1);
      const x2r = v128.load(re + p2), x2i = v128.load(im + p2);
      const x3r = v128.load(re + p3), x3i = v128.load(im + p3);
      const a0r = f64x2.add(x0r, x2r), a0i = f64x2.add(x0i, x2i);
      const a1r = f64x2.add(x1r, x3r), a1i = f64x2.add(x1i, x3i);
      const d2r = f64x2.sub(x0r, x2r), d2i = f64x2.sub(x0i, x2i);
      // d3' = -i (x1 - x3) = (x1i - x3i) - i (x1r - x3r)
      const d3r = f64x2.sub(x1i, x3i), d3i = f64x2.sub(x3r, x1r);
      v128.store(re + p0, f64x2.add(a0r, a1r));
      v128.store(im + p0, f64x2.add(a0i, a1i));
      const w2r = v128.load(w, 32), w2i = v128.load(w, 48);
      const e1r = f64x2.sub(a0r, a1r), e1i = f64x2.sub(a0i, a1i);
      v128.store(re + p1, mulSub(e1r, w2r, e1i, w2i));
      v128.store(im + p1, mulAdd(e1r, w2i, e1i, w2r));
      const w1r = v128.load(w), w1i = v128.load(w, 16);
      const e2r = f64x2.add(d2r, d3r), e2i = f64x2.add(d2i, d3i);
      v128.store(re + p2, mulSub(e2r, w1r, e2i, w1i));
      v128.store(im + p2, mulAdd(e2r, w1i, e2i, w1r));
      const w3r = v128.load(w, 64), w3i = v128.load(w, 80);
      const e3r = f64x2.sub(d2r, d3r), e3i = f64x2.sub(d2i, d3i);
      v128.store(re + p3, mulSub(e3r, w3r, e3i, w3i));
      v128.store(im + p3, mulAdd(e3r, w3i, e3i, w3r));
      w += RADIX4_TWIDDLE_STEP;
    }
  }
}

/**
 * The inverse of radix4ForwardStages (unnormalized: each of the two stages doubles), with
 * conjugate twiddles:
 *   t = y1 conj(w_h^(2j)), a0 = y0 + t, a1 = y0 - t
 *   p = y2 conj(w_h^j), m = y3 conj(w_h^(3j)), d2 = p + m, d3 = i (p - m)
 *   z[j] = a0 + d2, z[j+2q] = a0 - d2, z[j+q] = a1 + d3, z[j+3q] = a1 - d3
 */
function radix4BackwardStages(re: usize, im: usize, m: i32, h: i32, twiddles: usize): void {
  const qb = <usize>h << 2;
  const mb = <usize>m << 3;
  for (let sb: usize = 0; sb < mb; sb += <usize>h << 4) {
    let w = twiddles;
    for (let jb: usize = 0; jb < qb; jb += 16) {
      const p0 = sb + jb;
      const p1 = p0 + qb;
      const p2 = p1 + qb;
      const p3 = p2 + qb;
      const y0r = v128.load(re + p0), y0i = v128.load(im + p0);
      const y1r = v128.load(re + p1), y1i = v128.load(im + p1);
      const w2r = v128.load(w, 32), w2i = v128.load(w, 48);
      // y * conj(w) = (yr wr + yi wi) + i (yi wr - yr wi)
      const tr = mulAdd(y1r, w2r, y1i, w2i);
      const ti = mulSub(y1i, w2r, y1r, w2i);
      const a0r = f64x2.add(y0r, tr), a0i = f64x2.add(y0i, ti);
      const a1r = f64x2.sub(y0r, tr), a1i = f64x2.sub(y0i, ti);
      const y2r = v128.load(re + p2), y2i = v128.load(im + p2);
      const w1r = v128.load(w), w1i = v128.load(w, 16);
      const pr = mulAdd(y2r, w1r, y2i, w1i);
      const pi = mulSub(y2i, w1r, y2r, w1i);
      const y3r = v128.load(re + p3), y3i = v128.load(im + p3);
      const w3r = v128.load(w, 64), w3i = v128.load(w, 80);
      const mr = mulAdd(y3r, w3r, y3i, w3i);
      const mi = mulSub(y3i, w3r, y3r, w3i);
      const d2r = f64x2.add(pr, mr), d2i = f64x2.add(pi, mi);
      // d3 = i (p - m) = -(pi - mi) + i (pr - mr)
      const d3r = f64x2.sub(mi, pi), d3i = f64x2.sub(pr, mr);
      v128.store(re + p0, f64x2.add(a0r, d2r));
      v128.store(im + p0, f64x2.add(a0i, d2i));
      v128.store(re + p2, f64x2.sub(a0r, d2r));
      v128.store(im + p2, f64x2.sub(a0i, d2i));
      v128.store(re + p1, f64x2.add(a1r, d3r));
      v128.store(im + p1, f64x2.add(a1i, d3i));
      v128.store(re + p3, f64x2.sub(a1r, d3r));
      v128.store(im + p3, f64x2.sub(a1i, d3i));
      w += RADIX4_TWIDDLE_STEP;
    }
  }
}

function radix2Pair(re: usize, im: usize): void {
  const r0 = load<f64>(re), r1 = load<f64>(re, 8);
  const i0 = load<f64>(im), i1 = load<f64>(im, 8);
  store<f64>(re, r0 + r1);
  store<f64>(re, r0 - r1, 8);
  store<f64>(im, i0 + i1);
  store<f64>(im, i0 - i1, 8);
}

/** DIF stages h = 2 (twiddles 1, -i) then h = 1 on each block of 4 points. */
function radix4LastStagesForward(re: usize, im: usize, m: i32): void {
  const end = <usize>m << 3;
  for (let p: usize = 0; p < end; p += 32) {
    const r0 = load<f64>(re + p), r1 = load<f64>(re + p, 8), r2 = load<f64>(re + p, 16), r3 = load<f64>(re + p, 24);
    const i0 = load<f64>(im + p), i1 = load<f64>(im + p, 8), i2 = load<f64>(im + p, 16), i3 = load<f64>(im + p, 24);
    const ar = r0 + r2, ai = i0 + i2;
    const br = r1 + r3, bi = i1 + i3;
    const cr = r0 - r2, ci = i0 - i2;
    // d = (z1 - z3) * (-i)
    const dr = i1 - i3, di = r3 - r1;
    store<f64>(re + p, ar + br);
    store<f64>(im + p, ai + bi);
    store<f64>(re + p, ar - br, 8);
    store<f64>(im + p, ai - bi, 8);
    store<f64>(re + p, cr + dr, 16);
    store<f64>(im + p, ci + di, 16);
    store<f64>(re + p, cr - dr, 24);
    store<f64>(im + p, ci - di, 24);
  }
}

/** DIT stages h = 1 then h = 2 (conjugate twiddles 1, +i): the exact inverse of the above. */
function radix4FirstStagesBackward(re: usize, im: usize, m: i32): void {
  const end = <usize>m << 3;
  for (let p: usize = 0; p < end; p += 32) {
    const r0 = load<f64>(re + p), r1 = load<f64>(re + p, 8), r2 = load<f64>(re + p, 16), r3 = load<f64>(re + p, 24);
    const i0 = load<f64>(im + p), i1 = load<f64>(im + p, 8), i2 = load<f64>(im + p, 16), i3 = load<f64>(im + p, 24);
    const ar = r0 + r1, ai = i0 + i1;
    const cr = r0 - r1, ci = i0 - i1;
    const br = r2 + r3, bi = i2 + i3;
    // d = (z2 - z3) * (+i)
    const dr = i3 - i2, di = r2 - r3;
    store<f64>(re + p, ar + br);
    store<f64>(im + p, ai + bi);
    store<f64>(re + p, cr + dr, 8);
    store<f64>(im + p, ci + di, 8);
    store<f64>(re + p, ar - br, 16);
    store<f64>(im + p, ai - bi, 16);
    store<f64>(re + p, cr - dr, 24);
    store<f64>(im + p, ci - di, 24);
  }
}

/**
 * radix4LastStagesForward on two 4-point groups at a time, in f64x2 lanes: the groups' points
 * are transposed so lane 0 holds group 0 and lane 1 group 1, the butterflies run vertically,
 * and the results are transposed back (m a multiple of 8).
 */
function radix4LastStagesForwardSimd(re: usize, im: usize, m: i32): void {
  const end = <usize>m << 3;
  for (let p: usize = 0; p < end; p += 64) {
    const g01r = v128.load(re + p), g23r = v128.load(re + p, 16), h01r = v128.load(re + p, 32), h23r = v128.load(re + p, 48);
    const g01i = v128.load(im + p), g23i = v128.load(im + p, 16), h01i = v128.load(im + p, 32), h23i = v128.load(im + p, 48);
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
    v128.store(re + p, i64x2.shuffle(o0r, o1r, 0, 2));
    v128.store(re + p, i64x2.shuffle(o2r, o3r, 0, 2), 16);
    v128.store(re + p, i64x2.shuffle(o0r, o1r, 1, 3), 32);
    v128.store(re + p, i64x2.shuffle(o2r, o3r, 1, 3), 48);
    v128.store(im + p, i64x2.shuffle(o0i, o1i, 0, 2));
    v128.store(im + p, i64x2.shuffle(o2i, o3i, 0, 2), 16);
    v128.store(im + p, i64x2.shuffle(o0i, o1i, 1, 3), 32);
    v128.store(im + p, i64x2.shuffle(o2i, o3i, 1, 3), 48);
  }
}

/** radix4FirstStagesBackward on two 4-point groups at a time (see radix4LastStagesForwardSimd). */
function radix4FirstStagesBackwardSimd(re: usize, im: usize, m: i32): void {
  const end = <usize>m << 3;
  for (let p: usize = 0; p < end; p += 64) {
    const g01r = v128.load(re + p), g23r = v128.load(re + p, 16), h01r = v128.load(re + p, 32), h23r = v128.load(re + p, 48);
    const g01i = v128.load(im + p), g23i = v128.load(im + p, 16), h01i = v128.load(im + p, 32), h23i = v128.load(im + p, 48);
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
    v128.store(re + p, i64x2.shuffle(o0r, o1r, 0, 2));
    v128.store(re + p, i64x2.shuffle(o2r, o3r, 0, 2), 16);
    v128.store(re + p, i64x2.shuffle(o0r, o1r, 1, 3), 32);
    v128.store(re + p, i64x2.shuffle(o2r, o3r, 1, 3), 48);
    v128.store(im + p, i64x2.shuffle(o0i, o1i, 0, 2));
    v128.store(im + p, i64x2.shuffle(o2i, o3i, 0, 2), 16);
    v128.store(im + p, i64x2.shuffle(o0i, o1i, 1, 3), 32);
    v128.store(im + p, i64x2.shuffle(o2i, o3i, 1, 3), 48);
  }
}

