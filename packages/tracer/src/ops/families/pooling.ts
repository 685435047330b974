import { GraphError } from '../../errors.js';
import { type DType } from '../../ndarray/dtype.js';
import { NdArray } from '../../ndarray/ndarray.js';
import { sizeOf } from '../../ndarray/shape.js';
import { boolAttr } from '../attrs.js';
import { kernelShapeAttr, requireRank, windowAttrs, windowOutputSizes, type WindowAttrs } from '../kernels/window.js';
import { defineOp, type OpDef } from '../op.js';

export interface PoolAttrs extends WindowAttrs {
  readonly countIncludePad: boolean;
}

interface PoolSpec {
  name: string;
  dtype: (input: DType) => DType;
  linear: boolean;
  /** Folds the window's in-bounds values; `windowSize` counts padded positions too. */
  fold: (values: number[], windowSize: number, attrs: PoolAttrs) => number;
}

/** A 2-D pooling over NCHW windows; positions in the padding are skipped. */
export function definePool2d(spec: PoolSpec): OpDef<PoolAttrs> {
  return defineOp<PoolAttrs>({
    name: spec.name,
    category: 'pooling',
    arity: 1,
    linearIn: [spec.linear],
    jointlyLinear: spec.linear,
    normalize: (attrs) => {
      const kernelShape = kernelShapeAttr(attrs, 2, spec.name);
      const window = windowAttrs(attrs, kernelShape, spec.name, kernelShape);
      return { ...window, countIncludePad: boolAttr(attrs, 'countIncludePad', spec.name) };
    },
    shape: ([x], attrs) => {
      const shape = x?.shape ?? [];
      requireRank(shape, 4, 'the input (N, C, H, W)', spec.name);
      return [shape[0] ?? 0, shape[1] ?? 0, ...windowOutputSizes(shape.slice(2), attrs, spec.name)];
    },
    dtype: ([x]) => spec.dtype(x?.dtype ?? 'int'),
    evaluate: ([x], attrs, out) => {
      if (!x) throw new GraphError(`${spec.name}: missing input`);
      const [batch = 0, channels = 0, height = 0, width = 0] = x.shape;
      const [, , outH = 0, outW = 0] = out.shape;
      const [kh = 1, kw = 1] = attrs.kernelShape;
      const [sh = 1, sw = 1] = attrs.strides;
      const [dh = 1, dw = 1] = attrs.dilations;
      const [top = 0, left = 0] = attrs.pads;
      const data = new Float64Array(sizeOf(out.shape));
      let position = 0;
      for (let plane = 0; plane < batch * channels; plane++) {
        for (let i = 0; i < outH; i++) {
          for (let j = 0; j < outW; j++) {
            const values: number[] = [];
            let windowSize = 0;
            for (let p = 0; p < kh; p++) {
              const row = i * sh + p * dh - top;
              for (let q = 0; q < kw; q++) {
                const col = j * sw + q * dw - left;
                if (row >= -top && row < height + (attrs.pads[2] ?? 0) && col >= -left && col < width + (attrs.pads[3] ?? 0)) windowSize++;
                if (row >= 0 && row < height && col >= 0 && col < width) values.push(x.data[(plane * height + row) * width + col] ?? 0);
              }
            }
            data[position++] = spec.fold(values, windowSize, attrs);
          }
        }
      }
      return new NdArray(data, out.shape, out.dtype, spec.name);
    },
  });
}
