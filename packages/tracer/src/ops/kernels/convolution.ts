import { NdArray } from '../../ndarray/ndarray.js';
import { sizeOf } from '../../ndarray/shape.js';
import type { ValueType } from '../op.js';
import type { WindowAttrs } from './window.js';

/**
 * Grouped, strided, dilated 2-D cross-correlation (what deep-learning libraries call conv):
 * out[n, o, i, j] = b[o] + sum_{c, p, q} x[n, g*Cg + c, i*sh + p*dh - top, j*sw + q*dw - left] * w[o, c, p, q]
 * with g = floor(o / (O / groups)); positions outside the input read zero. A 1-D conv is the
 * same with H = 1.
 */
export function conv2dKernel(
  x: NdArray,
  w: NdArray,
  bias: NdArray | undefined,
  geometry: { inShape: number[]; weightShape: number[]; outShape: number[]; window: WindowAttrs; groups: number },
  out: ValueType,
  op: string,
): NdArray {
  const [batch = 0, channels = 0, height = 0, width = 0] = geometry.inShape;
  const [outChannels = 0, groupChannels = 0, kh = 0, kw = 0] = geometry.weightShape;
  const [, , outH = 0, outW = 0] = geometry.outShape;
  const [sh = 1, sw = 1] = geometry.window.strides;
  const [dh = 1, dw = 1] = geometry.window.dilations;
  const [top = 0, left = 0] = geometry.window.pads;
  const perGroup = outChannels / geometry.groups;
  const data = new Float64Array(sizeOf(geometry.outShape));
  let position = 0;
  for (let n = 0; n < batch; n++) {
    for (let o = 0; o < outChannels; o++) {
      const firstChannel = Math.floor(o / perGroup) * groupChannels;
      for (let i = 0; i < outH; i++) {
        for (let j = 0; j < outW; j++) {
          let acc = bias?.data[o] ?? 0;
          for (let c = 0; c < groupChannels; c++) {
            const xBase = (n * channels + firstChannel + c) * height;
            const wBase = (o * groupChannels + c) * kh;
            for (let p = 0; p < kh; p++) {
              const row = i * sh + p * dh - top;
              if (row < 0 || row >= height) continue;
              for (let q = 0; q < kw; q++) {
                const col = j * sw + q * dw - left;
                if (col < 0 || col >= width) continue;
                acc += (x.data[(xBase + row) * width + col] ?? 0) * (w.data[(wBase + p) * kw + q] ?? 0);
              }
            }
          }
          data[position++] = acc;
        }
      }
    }
  }
  return new NdArray(data, out.shape, out.dtype, op);
}
