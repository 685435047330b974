import type { QuantizerParams } from '../quantization/uniform-quantizer.js';

/** How decrypted scores become predictions, in the clear on the client. */
export type FheHead =
  | { readonly kind: 'regressor'; readonly link: 'identity' | 'log' }
  /** Scores are decision values: one (two classes, positive = classes[1]) or one per class. */
  | { readonly kind: 'linear-classifier'; readonly classes: readonly number[]; readonly proba: 'none' | 'ovr' | 'multinomial' }
  /** Scores are class probabilities (two classes: P(class 1) alone). */
  | { readonly kind: 'tree-classifier'; readonly classes: readonly number[] }
  /** Scores are margins: sigmoid (one) or softmax (one per class). */
  | { readonly kind: 'boosted-classifier'; readonly classes: readonly number[] }
  /** Scores are a neural network's logits: sigmoid (one) or softmax (one per class); no decisionFunction. */
  | { readonly kind: 'neural-classifier'; readonly classes: readonly number[] };

/**
 * Everything the client needs besides the circuit: the input quantizer, and how the
 * circuit's integer outputs o dequantize into scores,
 *   score_k = Σ_{i ∈ terms_k} scale_i · o_i + offset_k   (one scale per output),
 * then the head (link, argmax, probabilities). Plain JSON: it is the deployment's client file.
 */
export interface QuantizedModelSpec {
  readonly modelName: string;
  readonly nFeatures: number;
  readonly input: QuantizerParams;
  readonly outputCount: number;
  readonly scores: { readonly terms: readonly (readonly number[])[]; readonly scale: readonly number[]; readonly offset: readonly number[] };
  readonly head: FheHead;
}
