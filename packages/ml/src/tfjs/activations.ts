import type { ActivationName } from './float-layers.js';

/** The elementwise activations, as tfjs defines them (sigmoid = 1 / (1 + e^-x)). */
export function activationFunction(fn: Exclude<ActivationName, 'softmax'>, maxValue?: number): (x: number) => number {
  switch (fn) {
    case 'relu':
      return maxValue === undefined ? (x) => Math.max(0, x) : (x) => Math.min(maxValue, Math.max(0, x));
    case 'sigmoid':
      return (x) => 1 / (1 + Math.exp(-x));
    case 'tanh':
      return Math.tanh;
    case 'linear':
      return (x) => x;
  }
}

export function softmax(z: readonly number[]): number[] {
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}
