import { LookupTable, np, roundBitPattern, type Tracer } from '@cml/tracer';
import type { UniformQuantizer } from '../quantization/uniform-quantizer.js';
import { UnsupportedModelError } from '../fhe/errors.js';
import { activate, type Activation } from './activation.js';
import { roundLowBits } from './rounding.js';

/** What a hidden layer's lookup does after rounding: the activation, then requantization. */
export interface Requantization {
  readonly activation: Activation;
  /** Per-tensor unsigned quantizer of the activation output (the next layer's input). */
  readonly output: UniformQuantizer;
}

export interface QuantizedDenseParams {
  /** Integer weights, one row per output neuron (fanOut × fanIn). */
  readonly weights: number[][];
  /** Per-neuron weight scale λ_j. */
  readonly scale: number[];
  /** Float biases b_j. */
  readonly bias: number[];
  /** c_j = Σ_i w_ji z_i: the inputs' zero points seen through the weights. */
  readonly zeroPointSum: number[];
  /** Integer added to each accumulator: hidden windows start at 0 (a multiple of 2^lsbsToRemove, so rounding is unchanged); returned sums are centred on 0. */
  readonly shift: number[];
  /** Low bits rounded away before the lookup (0: the lookup reads the exact accumulator). */
  readonly lsbsToRemove: number;
  /** The largest shifted accumulator the compile samples reach in this layer (tables cover it). */
  readonly window: number;
  /** Hidden layers: the lookup; the output layer has none (its sums are decrypted). */
  readonly requantization?: Requantization;
}

/**
 * A dense layer on quantized integers. Inputs q_i ≈ x_i / s_i + z_i, weights w_ji ≈ W_ij s_i / λ_j,
 * so the encrypted accumulator a_j = Σ_i w_ji q_i + shift_j gives the float pre-activation
 *   y_j = λ_j (a_j − shift_j − c_j) + b_j.
 * Hidden layers apply one lookup per neuron to r_j = round(a_j, lsbsToRemove) (roundBitPattern):
 *   out_j = clip(round(act(λ_j (r_j − shift_j − c_j) + b_j) / s_out) + z_out, 0, 2^nA − 1),
 * so the bias, the zero-point correction, the activation and the requantization are all
 * folded into the table. The output layer returns a_j itself (dequantized on the client).
 */
export class QuantizedDense {
  constructor(readonly params: QuantizedDenseParams) {}

  get fanOut(): number {
    return this.params.weights.length;
  }

  /** Integer accumulators a_j = Σ_i w_ji q_i + shift_j. */
  accumulate(q: readonly number[]): number[] {
    const { weights, shift } = this.params;
    return weights.map((row, j) => {
      let s = shift[j] as number;
      for (let i = 0; i < row.length; i++) s += (row[i] as number) * (q[i] as number);
      return s;
    });
  }

  /** The float pre-activation of neuron j for (rounded) accumulator a. */
  preActivation(j: number, a: number): number {
    const { scale, bias, shift, zeroPointSum } = this.params;
    return (scale[j] as number) * (a - (shift[j] as number) - (zeroPointSum[j] as number)) + (bias[j] as number);
  }

  /** A hidden neuron's lookup: activation and requantization of rounded accumulator r. */
  neuron(j: number, r: number): number {
    const requantization = this.requantization();
    return requantization.output.quantize(activate(requantization.activation, this.preActivation(j, r)));
  }

  /** Plain-JS evaluation: the next layer's integer inputs (hidden) or the returned sums (output). */
  evaluate(q: readonly number[]): number[] {
    const a = this.accumulate(q);
    if (this.params.requantization === undefined) return a;
    return a.map((v, j) => this.neuron(j, roundLowBits(v, this.params.lsbsToRemove)));
  }

  /** The same layer traced: a clear-weight matmul, then (hidden) roundBitPattern and one table per neuron. */
  trace(x: Tracer): Tracer {
    // The shift rides in the matmul as the weight of a constant 1, so the compiler materializes the
    // shifted accumulator (a separate add would join the lookup's region, whose window would then
    // be the union of the unshifted ranges).
    const augmented = this.params.weights.map((row, j) => [...row, this.params.shift[j] as number]);
    const a = np.matmul(augmented, np.concatenate([x, [1]]) as Tracer);
    if (this.params.requantization === undefined) return a;
    const l = this.params.lsbsToRemove;
    const index = l === 0 ? a : np.floorDivide(roundBitPattern(a, l), 2 ** l);
    return new LookupTable(this.tables().map((t) => new LookupTable(t))).apply(index);
  }

  /**
   * tables[j][k] = neuron(j, k·2^l) for k = 0 .. ⌊window / 2^l⌋ + 1: every rounded value of the
   * layer's window, plus the one rounding up past its top (approximate rounding's noise margin).
   */
  tables(): number[][] {
    const l = this.params.lsbsToRemove;
    const entries = Math.floor(this.params.window / 2 ** l) + 2;
    return this.params.weights.map((_, j) => Array.from({ length: entries }, (_, k) => this.neuron(j, k * 2 ** l)));
  }

  /** Output layer: score_j = scale_j · a_j + offset_j recovers the float pre-activation. */
  dequantization(): { scale: number[]; offset: number[] } {
    const { scale, bias, shift, zeroPointSum } = this.params;
    return {
      scale: scale.slice(),
      offset: bias.map((b, j) => b - (scale[j] as number) * ((shift[j] as number) + (zeroPointSum[j] as number))),
    };
  }

  private requantization(): Requantization {
    const r = this.params.requantization;
    if (r === undefined) throw new UnsupportedModelError('the output layer of a quantized network has no lookup');
    return r;
  }
}
