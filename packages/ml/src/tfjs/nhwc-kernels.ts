/**
 * Plain-JavaScript kernels on one channels-last (H, W, C) tensor stored flat in row-major
 * order: the float reference network and the quantized clear evaluation both use them,
 * independently of @cml/tracer.
 */

export type Pads = readonly [top: number, left: number, bottom: number, right: number];

/** TensorFlow's padding: 'same' keeps ceil(size / stride) outputs, the odd pixel going to the end. */
export function windowPads(height: number, width: number, kernel: readonly [number, number], strides: readonly [number, number], padding: 'valid' | 'same'): Pads {
  if (padding === 'valid') return [0, 0, 0, 0];
  const total = (size: number, k: number, s: number) => Math.max((Math.ceil(size / s) - 1) * s + k - size, 0);
  const th = total(height, kernel[0], strides[0]);
  const tw = total(width, kernel[1], strides[1]);
  return [Math.floor(th / 2), Math.floor(tw / 2), th - Math.floor(th / 2), tw - Math.floor(tw / 2)];
}

export function windowOutputShape(shape: readonly number[], kernel: readonly [number, number], strides: readonly [number, number], pads: Pads): [number, number] {
  const [h = 0, w = 0] = shape;
  return [Math.floor((h + pads[0] + pads[2] - kernel[0]) / strides[0]) + 1, Math.floor((w + pads[1] + pads[3] - kernel[1]) / strides[1]) + 1];
}

/** Visits, for every output position, the in-bounds input positions of its window. */
function forEachWindow(
  shape: readonly number[],
  kernel: readonly [number, number],
  strides: readonly [number, number],
  pads: Pads,
  visit: (outIndex: number, inIndex: number, ky: number, kx: number) => void,
): [number, number] {
  const [h = 0, w = 0] = shape;
  const [oh, ow] = windowOutputShape(shape, kernel, strides, pads);
  for (let oy = 0; oy < oh; oy++) {
    for (let ox = 0; ox < ow; ox++) {
      for (let ky = 0; ky < kernel[0]; ky++) {
        const y = oy * strides[0] - pads[0] + ky;
        if (y < 0 || y >= h) continue;
        for (let kx = 0; kx < kernel[1]; kx++) {
          const x = ox * strides[1] - pads[1] + kx;
          if (x >= 0 && x < w) visit(oy * ow + ox, y * w + x, ky, kx);
        }
      }
    }
  }
  return [oh, ow];
}

/** out[y][x][o] = Σ_{ky,kx,c} in[y·s + ky − pad][x·s + kx − pad][c] · kernel[ky][kx][c][o] (zero padding). */
export function conv2dNhwc(
  input: ArrayLike<number>,
  shape: readonly number[],
  kernel: readonly (readonly (readonly (readonly number[])[])[])[],
  strides: readonly [number, number],
  pads: Pads,
): { data: number[]; shape: number[] } {
  const channels = shape[2] ?? 0;
  const filters = kernel[0]?.[0]?.[0]?.length ?? 0;
  const size = [kernel.length, kernel[0]?.length ?? 0] as const;
  const [oh, ow] = windowOutputShape(shape, size, strides, pads);
  const out = new Array<number>(oh * ow * filters).fill(0);
  forEachWindow(shape, size, strides, pads, (o, i, ky, kx) => {
    const taps = kernel[ky]?.[kx] as readonly (readonly number[])[];
    for (let c = 0; c < channels; c++) {
      const v = input[i * channels + c] as number;
      if (v === 0) continue;
      const row = taps[c] as readonly number[];
      for (let f = 0; f < filters; f++) out[o * filters + f] = (out[o * filters + f] as number) + v * (row[f] as number);
    }
  });
  return { data: out, shape: [oh, ow, filters] };
}

/** Max, sum or mean over each window, channel by channel; padded positions never count (TensorFlow's mean divides by the in-bounds count). */
export function pool2dNhwc(
  input: ArrayLike<number>,
  shape: readonly number[],
  op: 'max' | 'sum' | 'avg',
  poolSize: readonly [number, number],
  strides: readonly [number, number],
  pads: Pads,
): { data: number[]; shape: number[] } {
  const channels = shape[2] ?? 0;
  const [oh, ow] = windowOutputShape(shape, poolSize, strides, pads);
  const out = new Array<number>(oh * ow * channels).fill(op === 'max' ? -Infinity : 0);
  const counts = new Array<number>(oh * ow).fill(0);
  forEachWindow(shape, poolSize, strides, pads, (o, i) => {
    counts[o] = (counts[o] as number) + 1;
    for (let c = 0; c < channels; c++) {
      const v = input[i * channels + c] as number;
      const k = o * channels + c;
      out[k] = op === 'max' ? Math.max(out[k] as number, v) : (out[k] as number) + v;
    }
  });
  if (op === 'avg') for (let k = 0; k < out.length; k++) out[k] = (out[k] as number) / (counts[Math.floor(k / channels)] as number);
  return { data: out, shape: [oh, ow, channels] };
}

/** y_o = Σ_i rows[o][i] · x_i. */
export function matVec(rows: readonly (readonly number[])[], x: ArrayLike<number>): number[] {
  return rows.map((row) => {
    let s = 0;
    for (let i = 0; i < row.length; i++) s += (row[i] as number) * (x[i] as number);
    return s;
  });
}

/** kernel[i][o] (tfjs's Dense layout) → rows[o][i]. */
export function transposeKernel(kernel: readonly (readonly number[])[]): number[][] {
  const outputs = kernel[0]?.length ?? 0;
  return Array.from({ length: outputs }, (_, o) => kernel.map((row) => row[o] as number));
}
