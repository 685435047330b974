import type { ClientResult } from '@cml/ml/client';

/** `cml decrypt --json`: one object per row (probabilities null for regressors). */
export function decryptedJson(results: readonly ClientResult[]): string {
  return JSON.stringify(results.map((r) => ({ prediction: r.prediction, scores: r.scores, probabilities: r.probabilities ?? null })));
}

/**
 * `cml decrypt`: CSV with a header, one row per result: the prediction, then the class
 * probabilities (classifiers) or the raw scores (regressors).
 */
export function decryptedCsv(results: readonly ClientResult[]): string {
  const first = results[0];
  const values = (r: ClientResult): readonly number[] => r.probabilities ?? r.scores;
  const label = first?.probabilities ? 'probability' : 'score';
  const header = ['prediction', ...(first ? values(first).map((_, k) => `${label}_${k}`) : [])];
  return [header.join(','), ...results.map((r) => [r.prediction, ...values(r)].join(','))].join('\n');
}
