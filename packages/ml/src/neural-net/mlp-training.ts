import * as tf from '@tensorflow/tfjs';
import { sqrt } from '../core/math.js';
import type { Matrix } from '../core/matrix.js';
import type { Rng } from '../core/random.js';
import type { MlpWeights } from './mlp-forward.js';
import type { MlpActivation, MlpParams } from './mlp-params.js';

/** What the network's last layer is trained against. */
export type MlpOutput = 'sigmoid' | 'softmax' | 'identity';

export interface MlpTrainingResult extends MlpWeights {
  lossCurve: number[];
  nIter: number;
}

function applyActivation(kind: MlpActivation, x: tf.Tensor): tf.Tensor {
  switch (kind) {
    case 'relu':
      return tf.relu(x);
    case 'tanh':
      return tf.tanh(x);
    case 'logistic':
      return tf.sigmoid(x);
    case 'identity':
      return x;
  }
}

/**
 * sklearn's initialisation: weights and biases uniform in ±√(6 / (fanIn + fanOut))
 * (factor 2 instead of 6 for the logistic activation), drawn from our seeded generator.
 */
function initialWeights(sizes: number[], activation: MlpActivation, rng: Rng): MlpWeights {
  const factor = activation === 'logistic' ? 2 : 6;
  const weights: number[][][] = [];
  const biases: number[][] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
  const fanIn = sizes[l] as number;
  const fanOut = sizes[l + 1] as number;
  const bound = sqrt(factor / (fanIn + fanOut));
  const draw = () => (2 * rng.nextFloat() - 1) * bound;
  weights.push(Array.from({ length: fanIn }, () => Array.from({ length: fanOut }, draw)));
  biases.push(Array.from({ length: fanOut }, draw));
  }
  return { weights, biases };
}

/**
 * Trains a multilayer perceptron with TensorFlow.js and Adam, reproducing sklearn's MLP
 * training loop: shuffled minibatches each epoch; per-batch loss = data loss (binary or
 * categorical cross-entropy, or half squared error) + α/2·Σ‖W‖² / batchSize; stops after
 * maxIter epochs or when the epoch loss has not improved by tol for nIterNoChange epochs.
 * `targets` is n × outputs (0/1 indicators for classification).
 */
export function trainMlp(X: Matrix, targets: Float32Array, outputs: number, output: MlpOutput, params: MlpParams, rng: Rng): MlpTrainingResult {
  const sizes = [X.cols, ...params.hiddenLayerSizes, outputs];
  const init = initialWeights(sizes, params.activation, rng);
  const n = X.rows;
  const batchSize = params.batchSize === 'auto' ? Math.min(200, n) : Math.min(params.batchSize, n);
  const lossCurve: number[] = [];
  const weights = init.weights.map((W) => tf.variable(tf.tensor2d(W)));
  const biases = init.biases.map((b) => tf.variable(tf.tensor1d(b)));
  const xAll = tf.tensor2d(Float32Array.from(X.data), [n, X.cols]);
  const yAll = tf.tensor2d(targets, [n, outputs]);
  const optimizer = tf.train.adam(params.learningRateInit, params.beta1, params.beta2, params.epsilon);
  const forward = (x: tf.Tensor): tf.Tensor => {
    let h = x;
    weights.forEach((W, l) => {
      const z = tf.add(tf.matMul(h as tf.Tensor2D, W), biases[l] as tf.Variable);
      h = l === weights.length - 1 ? z : applyActivation(params.activation, z);
    });
    return h;
  };
  const dataLoss = (y: tf.Tensor, logits: tf.Tensor): tf.Scalar => {
    if (output === 'sigmoid') return tf.losses.sigmoidCrossEntropy(y, logits) as tf.Scalar;
    if (output === 'softmax') return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
    return tf.mul(0.5, tf.mean(tf.square(tf.sub(y, logits)))) as tf.Scalar;
  };
  let bestLoss = Infinity;
  let noImprovement = 0;
  let epoch = 0;
  for (epoch = 1; epoch <= params.maxIter; epoch++) {
    const order = params.shuffle ? rng.permutation(n) : Array.from({ length: n }, (_, i) => i);
    let epochLoss = 0;
    for (let start = 0; start < n; start += batchSize) {
      const idx = order.slice(start, start + batchSize);
      const batchLoss = tf.tidy(() => {
        const indices = tf.tensor1d(idx, 'int32');
        const xb = tf.gather(xAll, indices);
        const yb = tf.gather(yAll, indices);
        const cost = optimizer.minimize(() => {
          const penalty = weights.reduce((acc: tf.Tensor, W) => tf.add(acc, tf.sum(tf.square(W))), tf.scalar(0));
          return tf.add(dataLoss(yb, forward(xb)), tf.mul(params.alpha / (2 * idx.length), penalty)) as tf.Scalar;
        }, true) as tf.Scalar;
        return cost.dataSync()[0] as number;
      });
      epochLoss += batchLoss * idx.length;
    }
    epochLoss /= n;
    lossCurve.push(epochLoss);
    if (epochLoss > bestLoss - params.tol) noImprovement++;
    else noImprovement = 0;
    if (epochLoss < bestLoss) bestLoss = epochLoss;
    if (noImprovement > params.nIterNoChange) break;
  }
  const result: MlpTrainingResult = {
    weights: weights.map((W) => W.arraySync() as number[][]),
    biases: biases.map((b) => b.arraySync() as number[]),
    lossCurve,
    nIter: Math.min(epoch, params.maxIter),
  };
  optimizer.dispose();
  tf.dispose([...weights, ...biases, xAll, yAll]);
  return result;
}
