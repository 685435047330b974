import { exp, max, tanh } from '../core/math.js';

/** Activations a quantized layer can apply inside its lookup (`logistic` is sklearn's name for sigmoid). */
export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'logistic' | 'identity';

export const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'sigmoid', 'logistic', 'identity'];

/** The float activation, as the float models compute it (same Math functions). */
export function activate(kind: Activation, v: number): number {
  switch (kind) {
    case 'relu':
      return max(v, 0);
    case 'tanh':
      return tanh(v);
    case 'sigmoid':
    case 'logistic':
      return 1 / (1 + exp(-v));
    case 'identity':
      return v;
  }
}
