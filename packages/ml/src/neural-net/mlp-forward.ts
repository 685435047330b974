import { exp, max, tanh } from '../core/math.js';
import type { MlpActivation } from './mlp-params.js';

/** Dense layers of a trained MLP: weights[l] is fanIn × fanOut (row-major rows), biases[l] has fanOut values. */
export interface MlpWeights {
  weights: number[][][];
  biases: number[][];
}

function activate(kind: MlpActivation, v: number): number {
  switch (kind) {
    case 'relu':
      return max(v, 0);
    case 'tanh':
      return tanh(v);
    case 'logistic':
      return 1 / (1 + exp(-v));
    case 'identity':
      return v;
  }
}

/**
 * Forward pass in plain JavaScript: h_{l+1} = act(h_l·W_l + b_l) for hidden layers, the
 * last layer left linear (the caller applies sigmoid/softmax). Used for prediction, so a
 * fitted or loaded network needs no TensorFlow.js at inference time.
 */
export function mlpOutputs(net: MlpWeights, activation: MlpActivation, x: ArrayLike<number>): number[] {
  let h = Array.from(x);
  const last = net.weights.length - 1;
  net.weights.forEach((W, l) => {
    const b = net.biases[l] as number[];
    const out = b.slice();
    for (let i = 0; i < h.length; i++) {
      const hi = h[i] as number;
      if (hi === 0) continue;
      const row = W[i] as number[];
      for (let j = 0; j < out.length; j++) out[j] = (out[j] as number) + hi * (row[j] as number);
    }
    h = l === last ? out : out.map((v) => activate(activation, v));
  });
  return h;
}
