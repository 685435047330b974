/** Integer weights of a layer, one row per output channel, and each row's scale. */
export interface ChannelWeights {
  /** weights[j][i]: integer in [−(2^(n−1) − 1), 2^(n−1) − 1]. */
  readonly weights: number[][];
  /** Real weight ≈ scale[j] · weights[j][i]. */
  readonly scale: number[];
}

/**
 * Symmetric per-output-channel quantization: row j (the real weights feeding output j) gets
 * λ_j = max_i |v_ji| / (2^(n−1) − 1) and w_ji = round(v_ji / λ_j). An all-zero row gets λ = 1.
 * Callers fold per-input scales into v first (v_ji = W_ij · s_i), so one integer sum
 * Σ_i w_ji q_i has a single scale λ_j whatever each input's quantization step was.
 */
export function quantizeChannelWeights(rows: readonly (readonly number[])[], nBits: number): ChannelWeights {
  const wMax = 2 ** (nBits - 1) - 1;
  const weights: number[][] = [];
  const scale: number[] = [];
  for (const row of rows) {
    let top = 0;
    for (const v of row) top = Math.max(top, Math.abs(v));
    const lambda = top > 0 ? top / wMax : 1;
    weights.push(row.map((v) => Math.round(v / lambda)));
    scale.push(lambda);
  }
  return { weights, scale };
}
