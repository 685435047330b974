import type { QuantizedNetwork } from './quantize-network.js';

/**
 * Quantized inputs that drive each output channel of the first linear layer to its largest and
 * smallest accumulator: every input at qMax where the channel's integer weight is positive (or
 * negative) and at 0 elsewhere. A convolution's kernel is tiled over the image, so the extreme
 * is reached at every kernel-aligned position. Compiled with the calibration data, they widen
 * the circuit's windows toward what any input can reach (deeper layers stay data-calibrated).
 */
export function firstLayerExtremes(network: QuantizedNetwork): number[][] {
  const first = network.ops[2]?.op;
  const qMax = network.input.qMax;
  const features = network.input.channels;
  const rows: number[][] = [];
  if (first?.kind === 'dense') {
    for (const weights of first.weight) {
      for (const sign of [1, -1]) rows.push(Array.from({ length: features }, (_, j) => (sign * (weights[j] as number) > 0 ? qMax : 0)));
    }
  } else if (first?.kind === 'conv2d') {
    const [, w = 0, c = 0] = network.inputShape;
    const [kh, kw] = [first.weight.length, first.weight[0]?.length ?? 0];
    const filters = first.weight[0]?.[0]?.[0]?.length ?? 0;
    for (let o = 0; o < filters; o++) {
      for (const sign of [1, -1]) {
        rows.push(
          Array.from({ length: features }, (_, f) => {
            const [y, x, ch] = [Math.floor(f / (w * c)), Math.floor(f / c) % w, f % c];
            return sign * (first.weight[y % kh]?.[x % kw]?.[ch]?.[o] as number) > 0 ? qMax : 0;
          }),
        );
      }
    }
  }
  return rows;
}
