import type { QuantizedModelSpec } from './client-spec.js';

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function softmax(z: readonly number[]): number[] {
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

function argmax(values: readonly number[]): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if ((values[k] as number) > (values[best] as number)) best = k;
  return best;
}

/** Dequantizes one sample's integer circuit outputs into its scores. */
export function scoresFromOutputs(spec: QuantizedModelSpec, outputs: ArrayLike<number>): number[] {
  const { terms, scale, offset } = spec.scores;
  return terms.map((ids, k) => {
    let sum = offset[k] as number;
    for (const i of ids) sum += (scale[i] as number) * (outputs[i] as number);
    return sum;
  });
}

/** Class probabilities from scores; undefined when the model has none (LinearSVC). */
export function probabilitiesFromScores(spec: QuantizedModelSpec, scores: readonly number[]): number[] | undefined {
  const head = spec.head;
  switch (head.kind) {
    case 'regressor':
      return undefined;
    case 'tree-classifier':
      return scores.length === 1 ? [1 - (scores[0] as number), scores[0] as number] : scores.slice();
    case 'boosted-classifier':
    case 'neural-classifier': {
      if (scores.length === 1) {
        const p = sigmoid(scores[0] as number);
        return [1 - p, p];
      }
      return softmax(scores);
    }
    case 'linear-classifier': {
      if (head.proba === 'none') return undefined;
      if (scores.length === 1) {
        const z = scores[0] as number;
        const p = sigmoid(head.proba === 'multinomial' ? 2 * z : z);
        return [1 - p, p];
      }
      if (head.proba === 'multinomial') return softmax(scores);
      const s = scores.map(sigmoid);
      const total = s.reduce((a, b) => a + b, 0);
      return s.map((v) => v / total);
    }
  }
}

/** The prediction from scores: a class label, or a real value through the inverse link. */
export function predictionFromScores(spec: QuantizedModelSpec, scores: readonly number[]): number {
  const head = spec.head;
  if (head.kind === 'regressor') {
    const eta = scores[0] as number;
    return head.link === 'log' ? Math.exp(eta) : eta;
  }
  if (head.kind === 'tree-classifier') return head.classes[argmax(probabilitiesFromScores(spec, scores) as number[])] as number;
  if (scores.length === 1) return head.classes[(scores[0] as number) > 0 ? 1 : 0] as number;
  return head.classes[argmax(scores)] as number;
}
