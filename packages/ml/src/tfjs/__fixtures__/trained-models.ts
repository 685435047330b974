import * as tf from '@tensorflow/tfjs';
import { fixtureSplit } from '../../__fixtures__/fixture-split.js';
import { loadDigits, loadIris } from '../../datasets/loaders.js';

export interface Split {
  readonly xTrain: number[][];
  readonly yTrain: number[];
  readonly xTest: number[][];
  readonly yTest: number[];
}

const init = (seed: number) => tf.initializers.glorotUniform({ seed });

async function train(model: tf.LayersModel, split: Split, inputShape: number[], epochs: number, learningRate: number): Promise<void> {
  model.compile({ optimizer: tf.train.adam(learningRate), loss: 'sparseCategoricalCrossentropy' });
  const xs = tf.tensor(split.xTrain).reshape([split.xTrain.length, ...inputShape]);
  const ys = tf.tensor1d(split.yTrain, 'float32');
  await model.fit(xs, ys, { epochs, batchSize: 32, shuffle: false, verbose: 0 });
  xs.dispose();
  ys.dispose();
}

/** Float predictions of a tfjs classifier on flat rows. */
export function tfjsClasses(model: tf.LayersModel, rows: number[][]): number[] {
  const shape = model.inputs[0]?.shape.slice(1) as number[];
  return tf.tidy(() => Array.from((model.predict(tf.tensor(rows).reshape([rows.length, ...shape])) as tf.Tensor).argMax(-1).dataSync()));
}

/** Iris (standardized, every 4th row tested): Dense(8, relu) → Dense(3, softmax), seeded, trained with Adam. */
export async function irisNetwork(): Promise<{ model: tf.LayersModel; split: Split }> {
  const split = fixtureSplit(await loadIris(), true);
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [4], units: 8, activation: 'relu', kernelInitializer: init(11) }),
      tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: init(12) }),
    ],
  });
  await train(model, split, [4], 60, 0.05);
  return { model, split };
}

/** 8×8 digits (pixels / 16, every 4th image tested): Conv2D(filters, 3×3, relu) → AveragePooling2D(2) → Flatten → Dense(10, softmax). */
export async function digitsCnn(filters = 2): Promise<{ model: tf.LayersModel; split: Split }> {
  const raw = fixtureSplit(await loadDigits(), false);
  const scale = (rows: number[][]) => rows.map((r) => r.map((v) => v / 16));
  const split = { ...raw, xTrain: scale(raw.xTrain), xTest: scale(raw.xTest) };
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [8, 8, 1], filters, kernelSize: 3, activation: 'relu', kernelInitializer: init(21) }),
      tf.layers.averagePooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: init(22) }),
    ],
  });
  await train(model, split, [8, 8, 1], 10, 0.02);
  return { model, split };
}
