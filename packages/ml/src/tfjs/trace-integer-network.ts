import { NdArray, np, roundBitPattern, slice, univariate, type Tracer } from '@cml/tracer';
import { activationFunction } from './activations.js';
import { quantizeActivation, type IntegerOp, type ShapedOp } from './integer-network.js';

const constant = (values: readonly number[], shape: readonly number[]) => new NdArray(Float64Array.from(values), [...shape], 'float');

/** NHWC (H, W, C) → NCHW (1, C, H, W), the tracer's convolution layout, and back. */
const toNchw = (x: Tracer, [h = 0, w = 0, c = 0]: readonly number[]) => np.reshape(np.transpose(x, [2, 0, 1]), [1, c, h, w]);
const fromNchw = (x: Tracer, [h = 0, w = 0, c = 0]: readonly number[]) => np.transpose(np.reshape(x, [c, h, w]), [1, 2, 0]);

function traceOp(op: IntegerOp, x: Tracer, inShape: readonly number[], outShape: readonly number[]): Tracer {
  switch (op.kind) {
    case 'center':
      return x.sub(constant(op.zeroPoint, inShape).astype('int'));
    case 'reshape':
      return np.reshape(x, [...outShape]);
    case 'shift':
      return x.add(constant(op.shift, inShape).astype('int'));
    case 'dense':
      return np.matmul(op.weight.map((r) => [...r]), x);
    case 'conv2d': {
      // weight[kh][kw][cin][cout] → (cout, cin, kh, kw)
      const [kh, kw, cin, cout] = [op.weight.length, op.weight[0]?.length ?? 0, inShape[2] ?? 0, outShape[2] ?? 0];
      const w = Array.from({ length: cout }, (_, o) =>
        Array.from({ length: cin }, (_, c) => Array.from({ length: kh }, (_, y) => Array.from({ length: kw }, (_, z) => op.weight[y]?.[z]?.[c]?.[o] as number))),
      );
      return fromNchw(np.conv2d(toNchw(x, inShape), w, undefined, { stride: [...op.strides], padding: [...op.pads] }), outShape);
    }
    case 'sum-pool': {
      const channels = inShape[2] ?? 0;
      const ones = Array.from({ length: channels }, () => [Array.from({ length: op.poolSize[0] }, () => new Array<number>(op.poolSize[1]).fill(1))]);
      return fromNchw(np.conv2d(toNchw(x, inShape), ones, undefined, { stride: [...op.strides], groups: channels }), outShape);
    }
    case 'max-pool':
      return fromNchw(np.maxPool2d(toNchw(x, inShape), { kernelShape: [...op.poolSize], stride: [...op.strides], padding: [...op.pads] }), outShape);
    case 'window-max': {
      const [oh = 0, ow = 0] = outShape;
      const [sh, sw] = op.strides;
      let m: Tracer | undefined;
      for (let ky = 0; ky < op.poolSize[0]; ky++) {
        for (let kx = 0; kx < op.poolSize[1]; kx++) {
          const tap = x.get(slice(ky, ky + (oh - 1) * sh + 1, sh), slice(kx, kx + (ow - 1) * sw + 1, sw), slice(null));
          if (m === undefined) {
            m = tap;
            continue;
          }
          const gap = tap.sub(m);
          m = m.add(np.relu(op.roundBits > 0 ? roundBitPattern(gap, op.roundBits) : gap));
        }
      }
      return m as Tracer;
    }
    case 'lookup': {
      let y = (op.roundBits > 0 ? roundBitPattern(x, op.roundBits) : x).multiply(constant(op.scale, inShape)).add(constant(op.offset, inShape));
      for (const step of op.steps) {
        y =
          step.kind === 'activation'
            ? univariate(activationFunction(step.fn, step.maxValue), { dtype: 'float', label: step.fn })(y)
            : y.multiply(constant(step.scale, inShape)).add(constant(step.shift, inShape));
      }
      return univariate(quantizeActivation(op.quantizer), { dtype: 'int', label: 'quantize' })(y);
    }
  }
}

/** Records the integer network on the flat quantized input x (shape (features,)); returns the flat outputs. */
export function traceIntegerNetwork(ops: readonly ShapedOp[], inputShape: readonly number[], x: Tracer): Tracer {
  let y = np.reshape(x, [...inputShape]);
  let shape = inputShape;
  for (const { op, shape: next } of ops) {
    y = traceOp(op, y, shape, next);
    shape = next;
  }
  return np.reshape(y, [-1]);
}
