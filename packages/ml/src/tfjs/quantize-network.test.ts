import { describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../core/random.js';
import { compileTfjsModel } from './compile-tfjs-model.js';
import { foldBatchNorm } from './fold-batch-norm.js';
import { evaluateFloatNetwork } from './float-forward.js';
import { applyIntegerOp, evaluateIntegerNetwork } from './integer-network.js';
import { firstLayerExtremes } from './first-layer-extremes.js';
import { quantizeNetwork } from './quantize-network.js';
import { readTfjsModel } from './read-tfjs-model.js';

const init = (seed: number) => tf.initializers.glorotUniform({ seed });
const rng = new Rng(11);
const uniform = (n: number, lo: number, hi: number) => Array.from({ length: n }, () => lo + (hi - lo) * rng.nextFloat());

/**
 * Every path of the quantizer: a strided 'same' convolution with BatchNorm folded into it, max
 * pooling with padding, a BatchNorm after the pooling (an affine map folded into the next
 * convolution's offsets, which vary by position under zero padding), tanh, average pooling,
 * a sigmoid Dense and a linear 3-output head (argmax classifier).
 */
function buildModel(): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [6, 6, 2], filters: 3, kernelSize: 3, strides: 2, padding: 'same', kernelInitializer: init(1), biasInitializer: init(2) }),
      tf.layers.batchNormalization(),
      tf.layers.reLU(),
      tf.layers.maxPooling2d({ poolSize: 2, strides: 1, padding: 'same' }),
      tf.layers.batchNormalization(),
      tf.layers.conv2d({ filters: 2, kernelSize: 2, padding: 'same', activation: 'tanh', kernelInitializer: init(3), biasInitializer: init(4) }),
      tf.layers.averagePooling2d({ poolSize: 3 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 4, activation: 'sigmoid', kernelInitializer: init(5) }),
      tf.layers.dense({ units: 3, kernelInitializer: init(6), biasInitializer: init(7) }),
    ],
  });
  for (const layer of model.layers) {
    if (layer.getClassName() !== 'BatchNormalization') continue;
    const c = layer.getWeights()[0]?.shape[0] ?? 0;
    layer.setWeights([tf.tensor(uniform(c, 0.5, 1.5)), tf.tensor(uniform(c, -1, 1)), tf.tensor(uniform(c, -0.5, 0.5)), tf.tensor(uniform(c, 0.3, 2))]);
  }
  return model;
}

const model = buildModel();
const inputset = Array.from({ length: 60 }, () => uniform(6 * 6 * 2, -1, 1));
const network = foldBatchNorm(readTfjsModel(model));

/** Mean absolute error of the dequantized integer outputs against the float network. */
function dequantizationError(nBits: number): number {
  const q = quantizeNetwork(network, inputset, { nBits, nWBits: nBits, nABits: nBits, nAccumBits: undefined, inputPerChannel: true });
  let total = 0;
  let count = 0;
  for (const x of inputset) {
    const outputs = evaluateIntegerNetwork(q.ops, [x.length], q.input.quantizeRow(x));
    const expected = evaluateFloatNetwork(network, x);
    outputs.forEach((o, k) => {
      total += Math.abs((q.outputScale[k] as number) * o + (q.outputOffset[k] as number) - (expected[k] as number));
      count++;
    });
  }
  return total / count;
}

describe('quantizeNetwork: the integer network dequantizes to the float network', () => {
  it('its error shrinks with the bit width and is small at 8 bits', () => {
    const spread = Math.max(...inputset.flatMap((x) => evaluateFloatNetwork(network, x).map(Math.abs)));
    const errors = [3, 5, 8].map(dequantizationError);
    expect(errors[1]).toBeLessThan(errors[0] as number);
    expect(errors[2]).toBeLessThan(errors[1] as number);
    expect(errors[2]).toBeLessThan(0.005 * spread);
  });

  it('centres each returned output on 0 over the inputset (headroom: decryption wraps past P bits)', () => {
    const q = quantizeNetwork(network, inputset, { nBits: 4, nWBits: 4, nABits: 4, nAccumBits: undefined, inputPerChannel: false });
    const outputs = inputset.map((x) => evaluateIntegerNetwork(q.ops, [x.length], q.input.quantizeRow(x)));
    for (let k = 0; k < 3; k++) {
      const column = outputs.map((o) => o[k] as number);
      expect(Math.abs(Math.min(...column) + Math.max(...column))).toBeLessThanOrEqual(1);
    }
  });

  it('compiled with max pooling and normalizations, simulate equals the clear quantized evaluation', () => {
    const fhe = compileTfjsModel(model, inputset, { nBits: 2, inputPerChannel: true });
    expect(fhe.spec.head).toEqual({ kind: 'linear-classifier', classes: [0, 1, 2], proba: 'none' });
    expect(fhe.predict(inputset, { fhe: 'simulate' })).toEqual(fhe.predict(inputset));
    expect(fhe.scores(inputset, { fhe: 'simulate' })).toEqual(fhe.scores(inputset));
  });
});

describe('max pooling after a convolution runs on the accumulators, before the activation', () => {
  const cnn = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [6, 6, 1], filters: 2, kernelSize: 3, activation: 'relu', kernelInitializer: init(31), biasInitializer: init(32) }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: init(33) }),
    ],
  });
  const images = Array.from({ length: 40 }, () => uniform(36, 0, 1));
  const folded = foldBatchNorm(readTfjsModel(cnn));

  it('pools with a window max, then one lookup per pooled value; exact without rounding', () => {
    const q = quantizeNetwork(folded, images, { nBits: 8, nWBits: 8, nABits: 8, nAccumBits: undefined, inputPerChannel: false });
    expect(q.ops.map(({ op }) => op.kind)).toEqual(['center', 'reshape', 'conv2d', 'window-max', 'reshape', 'lookup', 'dense', 'shift']);
    // relu(max(acc)) = max(relu(acc)): the integer network still follows the float one closely
    for (const x of images) {
      const logits = evaluateIntegerNetwork(q.ops, [36], q.input.quantizeRow(x)).map((o, k) => (q.outputScale[k] as number) * o + (q.outputOffset[k] as number));
      const reference = evaluateFloatNetwork({ ...folded, layers: folded.layers.slice(0, -1) }, x);
      logits.forEach((v, k) => expect(Math.abs(v - (reference[k] as number))).toBeLessThan(0.02));
    }
  });

  it('compiled with rounding, every lookup (window maxima included) has nAccumBits bits and simulate equals the clear evaluation', () => {
    const fhe = compileTfjsModel(cnn, images, { nBits: 3, nAccumBits: 4 });
    const stats = fhe.circuit.statistics;
    expect(stats.lookups).toBe(2 * 2 * 2 * 3 + 2 * 2 * 2);
    expect(stats.lookupsPerPrecision).toEqual({ 4: stats.lookups });
    expect(fhe.scores(images, { fhe: 'simulate' })).toEqual(fhe.scores(images));
  });
});

describe('firstLayerExtremes: inputs reaching every first-layer accumulator extreme', () => {
  it('a Dense first layer: each unit reaches Σ max and Σ min of w_j (q_j − z_j) over all quantized inputs', () => {
    const dense = tf.sequential({ layers: [tf.layers.dense({ inputShape: [5], units: 3, kernelInitializer: init(41) })] });
    const rows = Array.from({ length: 30 }, () => uniform(5, -2, 3));
    const q = quantizeNetwork(foldBatchNorm(readTfjsModel(dense)), rows, { nBits: 3, nWBits: 4, nABits: 3, nAccumBits: undefined, inputPerChannel: false });
    const first = q.ops[2]?.op;
    if (first?.kind !== 'dense') throw new Error('expected a dense first layer');
    const z = q.input.params.zeroPoint;
    const reached = firstLayerExtremes(q).map((x) => applyIntegerOp(first, x.map((v, j) => v - (z[j] as number)), [5]));
    first.weight.forEach((w, o) => {
      const terms = w.map((wj, j) => [wj * (0 - (z[j] as number)), wj * (q.input.qMax - (z[j] as number))]);
      const best = terms.reduce((a, t) => a + Math.max(...(t as number[])), 0);
      const worst = terms.reduce((a, t) => a + Math.min(...(t as number[])), 0);
      expect(Math.max(...reached.map((r) => r[o] as number))).toBe(best);
      expect(Math.min(...reached.map((r) => r[o] as number))).toBe(worst);
    });
  });

  it('a Conv2D first layer: the tiled kernel sign pattern reaches each filter extreme at aligned positions', () => {
    const q = quantizeNetwork(network, inputset, { nBits: 3, nWBits: 3, nABits: 3, nAccumBits: undefined, inputPerChannel: false });
    const first = q.ops[2]?.op;
    if (first?.kind !== 'conv2d') throw new Error('expected a convolution first layer');
    const z = q.input.params.zeroPoint[0] as number;
    const filters = first.weight[0]?.[0]?.[0]?.length ?? 0;
    const extremes = firstLayerExtremes(q);
    expect(extremes).toHaveLength(2 * filters);
    // zero padding of the 'same' convolution only lowers |acc|: the interior reaches Σ max over the taps
    for (let o = 0; o < filters; o++) {
      const taps = first.weight.flatMap((r) => r.flatMap((t) => t.map((c) => c[o] as number)));
      const best = taps.reduce((a, w) => a + Math.max(w * -z, w * (q.input.qMax - z)), 0);
      const out = applyIntegerOp(first, (extremes[2 * o] as number[]).map((v) => v - z), [6, 6, 2]);
      expect(Math.max(...out.filter((_, e) => e % filters === o))).toBe(best);
    }
  });
});
