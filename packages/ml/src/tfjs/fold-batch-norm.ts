import type { FloatLayer, FloatNetwork } from './float-layers.js';

/**
 * Folds each BatchNormalization that directly follows a Dense or Conv2D layer (no activation
 * between) into that layer: a·(W x + b) + s = (a W) x + (a b + s), per output channel.
 * Other normalizations stay affine steps (folded later into the next table lookup).
 */
export function foldBatchNorm(network: FloatNetwork): FloatNetwork {
  const layers: FloatLayer[] = [];
  for (const layer of network.layers) {
    const previous = layers[layers.length - 1];
    if (layer.kind === 'affine' && previous !== undefined && (previous.kind === 'dense' || previous.kind === 'conv2d')) {
      const a = layer.scale;
      const bias = previous.bias.map((b, o) => (a[o] as number) * b + (layer.shift[o] as number));
      const scaleRow = (row: readonly number[]) => row.map((w, o) => w * (a[o] as number));
      layers[layers.length - 1] =
        previous.kind === 'dense'
          ? { ...previous, kernel: previous.kernel.map(scaleRow), bias }
          : { ...previous, kernel: previous.kernel.map((r) => r.map((taps) => taps.map(scaleRow))), bias };
      continue;
    }
    layers.push(layer);
  }
  return { ...network, layers };
}
