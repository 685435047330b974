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
  /** score_k = Σ_{g ∈ terms_k} scale_g · o_g + offset_k recovers Σ_j W_kj x_j + b_k. */
  readonly terms: number[][];
  readonly scale: number[];
  readonly offset: number[];
}

/**
 * Quantizes scores s_k = Σ_j W_kj x_j + b_k over quantized inputs x_j ≈ σ_j (q_j − z_j).
 * With effective weights v_kj = W_kj σ_j, s_k = Σ_j v_kj q_j + (b_k − Σ_j v_kj z_j).
 * Only integer sums Σ_j w_j q_j run encrypted, with no lookup. A circuit has one message
 * width, so each score is split into partial sums over groups of features, each decrypted
 * separately (as Concrete ML decrypts tree outputs and sums them in the clear). Every group g
 * has its own symmetric weight scale λ_g (per-channel quantization, v_kj ≈ λ_g w_j): features
 * are taken by decreasing |v_kj| and a group closes when its range Σ |w_j| q_max would exceed
 * 2^accumulatorBits − 1 (weights that round to 0 in a group cost nothing there). Each sum
 * is shifted by Σ |w_j| q_max over its negative weights into [0, 2^accumulatorBits − 1] for
 * every possible input, so no input can leave the compiled range.
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
    let shift = intercept[k] as number;
    v.forEach((vj, j) => (shift -= vj * (input.params.zeroPoint[j] as number)));
    const order = v.map((_, j) => j).filter((j) => v[j] !== 0).sort((a, b) => Math.abs(v[b] as number) - Math.abs(v[a] as number));
    const ids: number[] = [];
    const high = new Array<number>(w.length).fill(0);
    const low = new Array<number>(w.length).fill(0);
    let i = 0;
    while (i < order.length) {
      const lambda = Math.abs(v[order[i] as number] as number) / wMax;
      const row = new Array<number>(w.length).fill(0);
      let range = 0;
      let lift = 0;
      for (; i < order.length; i++) {
        const j = order[i] as number;
        const wq = Math.round((v[j] as number) / lambda);
        if (range + Math.abs(wq) * qMax > capacity) break;
        row[j] = wq;
        range += Math.abs(wq) * qMax;
        if (wq < 0) lift += -wq * qMax;
        (wq > 0 ? high : low)[j] = qMax;
      }
      ids.push(rows.length);
      rows.push(row);
      bias.push(lift);
      scale.push(lambda);
      shift -= lambda * lift;
    }
    terms.push(ids);
    offset.push(shift);
    extremes.push(high, low);
  });
  if (rows.length === 0) throw new UnsupportedModelError('every weight is zero: the model is constant');
  const program: IntegerProgram = {
    outputCount: rows.length,
    trace: (x: Tracer) => np.matmul(rows, x).add(bias),
    evaluate: (q) => affine(rows, bias, q),
    extremes,
  };
  return { program, terms, scale, offset };
}
