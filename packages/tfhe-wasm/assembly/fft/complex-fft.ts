/**
 * In-place complex FFT of M = 2^m points stored split (re[M] then im[M], f64).
 *
 * Forward: decimation in frequency, natural order in, bit-reversed order out:
 *   for h = M/2 .. 1, every block of 2h, j < h:  (x, y) -> (x + y, (x - y) * e^(-2*pi*i*j/(2h)))
 * Backward: decimation in time with conjugate twiddles, bit-reversed in, natural out:
 *   for h = 1 .. M/2:                            (x, y) -> (x + y*conj(w), x - y*conj(w))
 * Backward(Forward(z)) = M*z. The bit-reversed middle never matters: the only thing done in
 * the Fourier domain is pointwise products, which commute with the permutation.
 * Stages with h >= 2 run two butterflies per f64x2; the last two stages (h = 2, 1) are fused
 * into one radix-4 pass without multiplications (twiddles 1 and -i).
 */
export function fftForwardInPlace(re: usize, im: usize, m: i32, twiddles: usize): void {
  const stageRe = twiddles + (<usize>m << 4);
  const stageIm = twiddles + (<usize>m << 4) + (<usize>m << 3);
  for (let h = m >> 1; h >= 4; h >>= 1) {
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
        v128.store(re + p + hb, f64x2.sub(f64x2.mul(dr, wr), f64x2.mul(di, wi)));
        v128.store(im + p + hb, f64x2.add(f64x2.mul(dr, wi), f64x2.mul(di, wr)));
      }
    }
  }
  if (m >= 4) radix4LastStagesForward(re, im, m);
  else if (m == 2) radix2Pair(re, im);
}

export function fftBackwardInPlace(re: usize, im: usize, m: i32, twiddles: usize): void {
  const stageRe = twiddles + (<usize>m << 4);
  const stageIm = twiddles + (<usize>m << 4) + (<usize>m << 3);
  if (m >= 4) radix4FirstStagesBackward(re, im, m);
  else if (m == 2) radix2Pair(re, im);
  for (let h = 4; h < m; h <<= 1) {
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
        // t = y * conj(w)
        const tr = f64x2.add(f64x2.mul(yr, wr), f64x2.mul(yi, wi));
        const ti = f64x2.sub(f64x2.mul(yi, wr), f64x2.mul(yr, wi));
        v128.store(re + p, f64x2.add(xr, tr));
        v128.store(im + p, f64x2.add(xi, ti));
        v128.store(re + p + hb, f64x2.sub(xr, tr));
        v128.store(im + p + hb, f64x2.sub(xi, ti));
      }
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
