/** Elementwise activations a network may apply; softmax only as the very last step. */
export type ActivationName = 'relu' | 'sigmoid' | 'tanh' | 'linear' | 'softmax';

/**
 * The float network read from a tfjs model: a chain of steps over one tensor in
 * channels-last layout (batch axis dropped). Weights are plain arrays in tfjs's own order.
 */
export type FloatLayer =
  /** y_o = Σ_i x_i · kernel[i][o] + bias_o, on a rank-1 input. */
  | { readonly kind: 'dense'; readonly name: string; readonly kernel: number[][]; readonly bias: number[] }
  /** kernel[kh][kw][cin][cout]; 'same' pads as TensorFlow (the extra row/column at the end). */
  | {
      readonly kind: 'conv2d';
      readonly name: string;
      readonly kernel: number[][][][];
      readonly bias: number[];
      readonly strides: readonly [number, number];
      readonly padding: 'valid' | 'same';
    }
  | {
      readonly kind: 'pool';
      readonly name: string;
      readonly op: 'max' | 'avg';
      readonly poolSize: readonly [number, number];
      readonly strides: readonly [number, number];
      readonly padding: 'valid' | 'same';
    }
  /** Row-major reshape (Flatten is a reshape to one axis). */
  | { readonly kind: 'reshape'; readonly name: string; readonly shape: readonly number[] }
  | { readonly kind: 'activation'; readonly name: string; readonly fn: ActivationName; readonly maxValue?: number }
  /** y = scale_c · x + shift_c on the last (channel) axis: an inference-mode BatchNormalization. */
  | { readonly kind: 'affine'; readonly name: string; readonly scale: number[]; readonly shift: number[] };

export interface FloatNetwork {
  /** Input shape without the batch axis (channels last). */
  readonly inputShape: readonly number[];
  readonly layers: readonly FloatLayer[];
}
