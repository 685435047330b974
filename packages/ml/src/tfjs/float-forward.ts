import { activationFunction, softmax } from './activations.js';
import type { FloatNetwork } from './float-layers.js';
import { conv2dNhwc, matVec, pool2dNhwc, transposeKernel, windowPads } from './nhwc-kernels.js';
import { reshapeTarget } from './read-tfjs-model.js';

/** The float network on one sample (flat, channels last), in plain JavaScript: the reference the quantized network approximates. */
export function evaluateFloatNetwork(network: FloatNetwork, sample: ArrayLike<number>): number[] {
  let data = Array.from(sample);
  let shape = [...network.inputShape];
  for (const layer of network.layers) {
    switch (layer.kind) {
      case 'dense':
        data = matVec(transposeKernel(layer.kernel), data).map((v, o) => v + (layer.bias[o] as number));
        shape = [data.length];
        break;
      case 'conv2d': {
        const size = [layer.kernel.length, layer.kernel[0]?.length ?? 0] as const;
        const out = conv2dNhwc(data, shape, layer.kernel, layer.strides, windowPads(shape[0] ?? 0, shape[1] ?? 0, size, layer.strides, layer.padding));
        const filters = layer.bias.length;
        data = out.data.map((v, i) => v + (layer.bias[i % filters] as number));
        shape = out.shape;
        break;
      }
      case 'pool': {
        const out = pool2dNhwc(data, shape, layer.op, layer.poolSize, layer.strides, windowPads(shape[0] ?? 0, shape[1] ?? 0, layer.poolSize, layer.strides, layer.padding));
        ({ data, shape } = out);
        break;
      }
      case 'reshape':
        shape = reshapeTarget(shape, layer.shape);
        break;
      case 'activation':
        data = layer.fn === 'softmax' ? softmax(data) : data.map(activationFunction(layer.fn, layer.maxValue));
        break;
      case 'affine': {
        const c = layer.scale.length;
        data = data.map((v, i) => (layer.scale[i % c] as number) * v + (layer.shift[i % c] as number));
        break;
      }
    }
  }
  return data;
}
