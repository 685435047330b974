import { AttributeError, GraphError, ShapeError } from '../../errors.js';
import { promoteTypes } from '../../ndarray/dtype.js';
import { NdArray } from '../../ndarray/ndarray.js';
import { formatShape } from '../../ndarray/shape.js';
import { intAttr } from '../attrs.js';
import { conv2dKernel } from '../kernels/convolution.js';
import { requireRank, windowAttrs, windowOutputSizes, type WindowAttrs } from '../kernels/window.js';
import { defineOp, type OpDef, type ValueType } from '../op.js';

export interface ConvAttrs extends WindowAttrs {
  readonly groups: number;
}

/** Output shape of a conv, after checking channels, groups and bias against each other. */
function convShape(inputs: readonly ValueType[], attrs: ConvAttrs, spatial: number, op: string): number[] {
  const [x, w, b] = inputs.map((v) => v.shape);
  if (!x || !w) throw new ShapeError(`${op}: needs an input and a weight`);
  requireRank(x, spatial + 2, 'the input (N, C, spatial...)', op);
  requireRank(w, spatial + 2, 'the weight (O, C / groups, kernel...)', op);
  const [, channels = 0] = x;
  const [outChannels = 0, groupChannels = 0] = w;
  if (channels !== groupChannels * attrs.groups || outChannels % attrs.groups !== 0) {
    throw new ShapeError(
      `${op}: input ${formatShape(x)} and weight ${formatShape(w)} do not fit groups=${attrs.groups} (need C = weight[1] * groups and O divisible by groups)`,
    );
  }
  if (b && (b.length !== 1 || b[0] !== outChannels)) {
    throw new ShapeError(`${op}: bias of shape ${formatShape(b)} must have shape (${outChannels},)`);
  }
  return [x[0] ?? 0, outChannels, ...windowOutputSizes(x.slice(2), attrs, op)];
}

/** conv1d (N, C, L) or conv2d (N, C, H, W) with weight (O, C / groups, k...) and optional bias (O). */
export function defineConvolution(name: string, spatial: 1 | 2): OpDef<ConvAttrs> {
  return defineOp<ConvAttrs>({
    name,
    category: 'linear',
    arity: [2, 3],
    linearIn: [true, true, true],
    normalize: (attrs, inputs) => {
      const weight = inputs[1]?.shape ?? [];
      requireRank(weight, spatial + 2, 'the weight (O, C / groups, kernel...)', name);
      const groups = intAttr(attrs, 'groups', name, { min: 1, fallback: 1 });
      const kernelShape = weight.slice(2);
      if (attrs['kernelShape'] !== undefined && JSON.stringify(attrs['kernelShape']) !== JSON.stringify(kernelShape)) {
        throw new AttributeError(`${name}: kernelShape ${JSON.stringify(attrs['kernelShape'])} differs from the weight's ${JSON.stringify(kernelShape)}`);
      }
      return { ...windowAttrs(attrs, kernelShape, name), groups };
    },
    shape: (inputs, attrs) => convShape(inputs, attrs, spatial, name),
    dtype: (inputs) => promoteTypes(...inputs.map((v) => v.dtype)),
    evaluate: ([x, w, b], attrs, out) => {
      if (!x || !w) throw new GraphError(`${name}: missing input`);
      const as2d = (shape: readonly number[]) => (spatial === 1 ? [...shape.slice(0, 2), 1, ...shape.slice(2)] : [...shape]);
      const window: WindowAttrs =
        spatial === 1
          ? {
              kernelShape: [1, ...attrs.kernelShape],
              strides: [1, ...attrs.strides],
              pads: [0, attrs.pads[0] ?? 0, 0, attrs.pads[1] ?? 0],
              dilations: [1, ...attrs.dilations],
            }
          : attrs;
      const result = conv2dKernel(
        x,
        w,
        b,
        { inShape: as2d(x.shape), weightShape: as2d(w.shape), outShape: as2d(out.shape), window, groups: attrs.groups },
        out,
        name,
      );
      return new NdArray(result.data, out.shape, out.dtype, name);
    },
  });
}
