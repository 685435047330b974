import { np, type Tracer } from '@cml/tracer';
import type { UniformQuantizer } from '../quantization/uniform-quantizer.js';
import { UnsupportedModelError } from './errors.js';
import { affine, type IntegerProgram } from './integer-program.js';

export interface LinearQuantization {
  /** Bits of the symmetric per-output weight quantizer. */
  readonly weightBits: number;
  /** Largest unsigned width of one encrypted partial sum (the circuit's message width). */
  readonly accumulatorBits: number;
}

export interface QuantizedLinear {
  readonly program: IntegerProgram;
  /** score_k = scale_k · Σ_{i ∈ terms_k} o_i + offset_k recovers Σ_j W_kj x_j + b_k. */
  readonly terms: number[][];
  readonly scale: number[];
  readonly offset: number[];
}

/**
 * Quantizes scores s_k = Σ_j W_kj x_j + b_k over quantized inputs x_j ≈ σ_j (q_j − z_j):
 * the effective weights v_kj = W_kj σ_j are quantized symmetrically per output,
 * v_kj ≈ λ_k w_kj, so s_k ≈ λ_k Σ_j w_kj q_j + (b_k − Σ_j v_kj z_j).
 * Only Σ_j w_kj q_j runs encrypted, with no lookup. A circuit has one message width, so the
 * sum is split into partial sums over groups of features, each shifted by Σ |w_kj| q_max over
 * its negative weights into [0, 2^accumulatorBits − 1] for every possible input; the client
 * adds the decrypted partial sums, as Concrete ML sums tree outputs after decryption.
 */
export function quantizeLinear(
  coef: readonly (readonly number[])[],
  intercept: readonly number[],
  input: UniformQuantizer,
  options: LinearQuantization,
): QuantizedLinear {
  const qMax = input.qMax;
  const capacity = 2 ** options.accumulatorBits - 1;
  const wMax = 2 ** (options.weightBits - 1) - 1;
  if (wMax * qMax > capacity) {
    throw new UnsupportedModelError(
      `accumulatorBits = ${options.accumulatorBits} cannot hold one ${options.weightBits}-bit weight times a ${input.params.nBits}-bit input; ` +
        `use accumulatorBits >= ${Math.ceil(Math.log2(wMax * qMax + 1))}`,
    );
  }
  const rows: number[][] = [];
  const bias: number[] = [];
  const terms: number[][] = [];
  const scale: number[] = [];
  const offset: number[] = [];
  const extremes: number[][] = [];
  coef.forEach((w, k) => {
    const v = w.map((wj, j) => wj * (input.params.scale[j] as number));
    const bound = Math.max(...v.map(Math.abs));
    const lambda = bound > 0 ? bound / wMax : 1;
    const wq = v.map((vj) => Math.round(vj / lambda));
    let shift = intercept[k] as number;
    v.forEach((vj, j) => (shift -= vj * (input.params.zeroPoint[j] as number)));
    const ids: number[] = [];
    let row = new Array<number>(w.length).fill(0);
    let range = 0;
    let lift = 0;
    const closeGroup = (): void => {
      if (range === 0) return;
      ids.push(rows.length);
      rows.push(row);
      bias.push(lift);
      shift -= lambda * lift;
      row = new Array<number>(w.length).fill(0);
      range = 0;
      lift = 0;
    };
    wq.forEach((wj, j) => {
      if (wj === 0) return;
      if (range + Math.abs(wj) * qMax > capacity) closeGroup();
      row[j] = wj;
      range += Math.abs(wj) * qMax;
      if (wj < 0) lift += -wj * qMax;
    });
    closeGroup();
    terms.push(ids);
    scale.push(lambda);
    offset.push(shift);
    extremes.push(wq.map((wj) => (wj > 0 ? qMax : 0)), wq.map((wj) => (wj < 0 ? qMax : 0)));
  });
  if (rows.length === 0) throw new UnsupportedModelError('every weight quantizes to zero: the model is constant');
  const program: IntegerProgram = {
    outputCount: rows.length,
    trace: (x: Tracer) => np.matmul(rows, x).add(bias),
    evaluate: (q) => affine(rows, bias, q),
    extremes,
  };
  return { program, terms, scale, offset };
}
