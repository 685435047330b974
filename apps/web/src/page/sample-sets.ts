/** The bundled sample rows that fit a model: matched by feature count (30 = breast cancer, 64 = digits). */
import sets from 'virtual:cml-samples';
import type { SampleSet } from '../samples/pick-samples.js';

export interface ModelSamples {
  readonly set: SampleSet;
  /** Class names by label, for showing a prediction. */
  readonly classNames: readonly string[];
  readonly isDigits: boolean;
}

export function samplesFor(nFeatures: number): ModelSamples | undefined {
  const breastCancer = sets['breast-cancer'];
  if (nFeatures === breastCancer.featureNames.length) return { set: breastCancer, classNames: ['malignant', 'benign'], isDigits: false };
  const digits = sets.digits;
  if (nFeatures === digits.featureNames.length) {
    return { set: digits, classNames: Array.from({ length: 10 }, (_, d) => `digit ${d}`), isDigits: true };
  }
  return undefined;
}
