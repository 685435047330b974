import { describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../core/random.js';
import { compileTfjsModel } from './compile-tfjs-model.js';
import { foldBatchNorm } from './fold-batch-norm.js';
import { evaluateFloatNetwork } from './float-forward.js';
import { readTfjsModel } from './read-tfjs-model.js';

const seed = (s: number) => tf.initializers.glorotUniform({ seed: s });

/** Seeded uniform values in [lo, hi). */
function uniform(rng: Rng, n: number, lo: number, hi: number): number[] {
  return Array.from({ length: n }, () => lo + (hi - lo) * rng.nextFloat());
}

/** Gives every BatchNormalization layer non-trivial statistics (gamma, beta, moving mean, moving variance). */
function randomizeBatchNorms(model: tf.LayersModel, rng: Rng): void {
  for (const layer of model.layers) {
    if (layer.getClassName() !== 'BatchNormalization') continue;
    const c = layer.getWeights()[0]?.shape[0] ?? 0;
    layer.setWeights([tf.tensor(uniform(rng, c, -1.5, 1.5)), tf.tensor(uniform(rng, c, -1, 1)), tf.tensor(uniform(rng, c, -1, 1)), tf.tensor(uniform(rng, c, 0.2, 2))]);
  }
}

function tfjsPredict(model: tf.LayersModel, samples: number[][]): number[][] {
  const shape = [samples.length, ...(model.inputs[0]?.shape.slice(1) as number[])];
  return (model.predict(tf.tensor(samples).reshape(shape)) as tf.Tensor).reshape([samples.length, -1]).arraySync() as number[][];
}

function expectClose(actual: number[][], expected: number[][], tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - (expected[i]?.[j] as number))).toBeLessThan(tolerance)));
}

describe('reading tfjs models: the float steps equal tf.predict', () => {
  it('a CNN with same/valid padding, strides, both poolings, BatchNorm and every activation equals tfjs, folded or not', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [7, 6, 2], filters: 3, kernelSize: [3, 2], strides: [2, 1], padding: 'same', kernelInitializer: seed(1), biasInitializer: 'glorotUniform' }),
        tf.layers.batchNormalization(),
        tf.layers.activation({ activation: 'tanh' }),
        tf.layers.maxPooling2d({ poolSize: 2, strides: 1, padding: 'same' }),
        tf.layers.batchNormalization(),
        tf.layers.reLU(),
        tf.layers.averagePooling2d({ poolSize: [2, 2], padding: 'valid' }),
        tf.layers.flatten(),
        tf.layers.dropout({ rate: 0.5 }),
        tf.layers.dense({ units: 5, activation: 'sigmoid', kernelInitializer: seed(2) }),
        tf.layers.reshape({ targetShape: [5] }),
        tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: seed(3) }),
      ],
    });
    const rng = new Rng(7);
    randomizeBatchNorms(model, rng);
    const samples = Array.from({ length: 6 }, () => uniform(rng, 7 * 6 * 2, -2, 2));
    const expected = tfjsPredict(model, samples);
    const network = readTfjsModel(model);
    const folded = foldBatchNorm(network);
    // the first BatchNorm follows the convolution and folds into it; the second follows a pooling and stays
    expect(network.layers.filter((l) => l.kind === 'affine')).toHaveLength(2);
    expect(folded.layers.filter((l) => l.kind === 'affine')).toHaveLength(1);
    expectClose(samples.map((x) => evaluateFloatNetwork(network, x)), expected, 1e-5);
    expectClose(samples.map((x) => evaluateFloatNetwork(folded, x)), expected, 1e-5);
  });

  it('a functional chain reads like the same Sequential; BatchNorm after Dense folds into it', () => {
    const input = tf.input({ shape: [4] });
    const hidden = tf.layers.dense({ units: 6, kernelInitializer: seed(4) }).apply(input) as tf.SymbolicTensor;
    const normed = tf.layers.batchNormalization().apply(hidden) as tf.SymbolicTensor;
    const output = tf.layers.dense({ units: 1, activation: 'relu', kernelInitializer: seed(5) }).apply(tf.layers.reLU({ maxValue: 1.5 }).apply(normed) as tf.SymbolicTensor) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: output });
    const rng = new Rng(3);
    randomizeBatchNorms(model, rng);
    const samples = Array.from({ length: 8 }, () => uniform(rng, 4, -3, 3));
    const folded = foldBatchNorm(readTfjsModel(model));
    expect(folded.layers.map((l) => l.kind)).toEqual(['dense', 'activation', 'dense', 'activation']);
    expectClose(samples.map((x) => evaluateFloatNetwork(folded, x)), tfjsPredict(model, samples), 1e-5);
  });
});

describe('unsupported layers and configurations: UnsupportedLayerError naming the layer, its class and what is supported', () => {
  const inputset = [[0, 1, 2, 3]];
  const cases: [string, () => tf.LayersModel, RegExp][] = [
    ['an LSTM', () => tf.sequential({ layers: [tf.layers.reshape({ inputShape: [4], targetShape: [2, 2] }), tf.layers.lstm({ units: 2, name: 'memory' })] }), /layer 'memory' \(LSTM\): this layer class is not supported/],
    ['a dilated Conv2D', () => tf.sequential({ layers: [tf.layers.reshape({ inputShape: [4], targetShape: [2, 2, 1] }), tf.layers.conv2d({ filters: 1, kernelSize: 1, dilationRate: 2, name: 'holes' })] }), /layer 'holes' \(Conv2D\): dilationRate \[2,2\]/],
    ['a softmax before the last layer', () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 3, activation: 'softmax', name: 'early' }), tf.layers.dense({ units: 2 })] }), /layer 'early'.*softmax is only supported as the last step/],
    ['channelsFirst pooling', () => tf.sequential({ layers: [tf.layers.reshape({ inputShape: [4], targetShape: [1, 2, 2] }), tf.layers.maxPooling2d({ poolSize: 1, dataFormat: 'channelsFirst', name: 'cf' })] }), /layer 'cf' \(MaxPooling2D\): dataFormat 'channelsFirst'/],
    ['an unsupported activation', () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 2, activation: 'elu', name: 'smooth' })] }), /layer 'smooth' \(Dense\): activation 'elu'/],
    ['a Dense on a rank-3 input', () => tf.sequential({ layers: [tf.layers.reshape({ inputShape: [4], targetShape: [2, 2, 1] }), tf.layers.dense({ units: 2, name: 'wide' })] }), /layer 'wide' \(Dense\): Dense on a rank-3 input/],
    ['an average pooling that pads', () => tf.sequential({ layers: [tf.layers.reshape({ inputShape: [4], targetShape: [2, 2, 1] }), tf.layers.averagePooling2d({ poolSize: 3, strides: 1, padding: 'same', name: 'padded' })] }), /layer 'padded' \(AveragePooling2D\): padding/],
    [
      'a branch (two layers reading one)',
      () => {
        const input = tf.input({ shape: [4] });
        const a = tf.layers.dense({ units: 2 }).apply(input) as tf.SymbolicTensor;
        const b = tf.layers.dense({ units: 2 }).apply(input) as tf.SymbolicTensor;
        return tf.model({ inputs: input, outputs: tf.layers.add({ name: 'merge' }).apply([a, b]) as tf.SymbolicTensor });
      },
      /layer '.*' \((Dense|Add)\): it reads .*branches and merges are not supported/,
    ],
  ];
  it.each(cases)('%s', (_, build, message) => {
    const model = build();
    let error: unknown;
    try {
      compileTfjsModel(model, inputset, { nBits: 2 });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'UnsupportedLayerError', message: expect.stringMatching(message) });
    expect((error as Error).message).toContain('Supported: Dense, Conv2D');
  });
});

describe('bad inputs to compileTfjsModel are typed errors', () => {
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 2, activation: 'relu', kernelInitializer: seed(9) }), tf.layers.dense({ units: 1, kernelInitializer: seed(10) })] });

  it('a sample of the wrong size, a NaN, an empty inputset', () => {
    expect(() => compileTfjsModel(model, [[1, 2]], { nBits: 2 })).toThrow(expect.objectContaining({ name: 'InvalidInputError', message: expect.stringContaining('sample 0 has 2 values, the model takes 3') }));
    expect(() => compileTfjsModel(model, [[1, Number.NaN, 2]], { nBits: 2 })).toThrow(expect.objectContaining({ name: 'InvalidInputError', message: expect.stringContaining('non-finite') }));
    expect(() => compileTfjsModel(model, [], { nBits: 2 })).toThrow(expect.objectContaining({ name: 'InvalidInputError', message: expect.stringContaining('at least one sample') }));
  });

  it('bit widths out of range', () => {
    expect(() => compileTfjsModel(model, [[1, 2, 3]], { nBits: 0 })).toThrow(expect.objectContaining({ name: 'InvalidParameterError', message: expect.stringContaining('nBits') }));
    expect(() => compileTfjsModel(model, [[1, 2, 3]], { nBits: 2, nWBits: 1 })).toThrow(expect.objectContaining({ name: 'InvalidParameterError', message: expect.stringContaining('nWBits') }));
    expect(() => compileTfjsModel(model, [[1, 2, 3]], { nBits: 2, nAccumBits: 2.5 })).toThrow(expect.objectContaining({ name: 'InvalidParameterError', message: expect.stringContaining('nAccumBits') }));
  });

  it('a tensor inputset works like the same rows; a single linear output is a regressor', () => {
    const rows = [[0, 1, 2], [2, -1, 0.5], [-1, -2, 3]];
    const fromRows = compileTfjsModel(model, rows, { nBits: 2 });
    const fromTensor = compileTfjsModel(model, tf.tensor(rows), { nBits: 2 });
    expect(fromTensor.spec).toEqual(fromRows.spec);
    expect(fromRows.spec.head).toEqual({ kind: 'regressor', link: 'identity' });
    expect(fromRows.predict(rows, { fhe: 'simulate' })).toEqual(fromRows.predict(rows));
  });
});
