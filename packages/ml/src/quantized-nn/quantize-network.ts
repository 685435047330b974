import { InvalidParameterError } from '../core/errors.js';
import type { IntegerProgram } from '../fhe/integer-program.js';
import { UniformQuantizer } from '../quantization/uniform-quantizer.js';
import { activate, type Activation } from './activation.js';
import { extremeInputs } from './extreme-inputs.js';
import { QuantizedDense } from './quantized-dense.js';
import { bitsOfSpan } from './rounding.js';
import { quantizeChannelWeights } from './weight-quantizer.js';

/** A trained dense layer in float: weights[i][j] from input i to output j (fanIn × fanOut). */
export interface FloatDense {
  readonly weights: readonly (readonly number[])[];
  readonly biases: readonly number[];
  /** Applied by hidden layers inside their lookup; the last layer's is left to the caller (after decryption). */
  readonly activation: Activation;
}

export interface NetworkQuantization {
  /** Bits of the symmetric per-output-channel weights. */
  readonly nWBits: number;
  /** Bits of the inputs (per feature) and of every hidden activation (per layer). */
  readonly nABits: number;
  /** Bits a lookup reads: accumulators are rounded to this many bits of the circuit's width P. */
  readonly nAccumBits: number;
}

export interface QuantizedNetwork {
  /** Per-feature unsigned input quantizer, calibrated on the compile inputset. */
  readonly input: UniformQuantizer;
  /** Hidden layers then the output layer. */
  readonly layers: readonly QuantizedDense[];
  /** The encrypted computation: quantized features in, the output layer's shifted sums out. */
  readonly program: IntegerProgram;
  /** score_k = scale_k · o_k + offset_k: the float logits/values from the decrypted sums. */
  readonly scale: number[];
  readonly offset: number[];
  /** The message width the windows need (the compiler derives the same from the inputset). */
  readonly precision: number;
}

function checkOptions(o: NetworkQuantization): void {
  for (const [name, value, lo, hi] of [
    ['nWBits', o.nWBits, 2, 8],
    ['nABits', o.nABits, 1, 8],
    ['nAccumBits', o.nAccumBits, 1, 16],
  ] as const) {
    if (!Number.isInteger(value) || value < lo || value > hi) {
      throw new InvalidParameterError(`${name} must be an integer in [${lo}, ${hi}], got ${value}`);
    }
  }
}

function columnsOf(rows: readonly (readonly number[])[]): number[][] {
  const width = rows[0]?.length ?? 0;
  return Array.from({ length: width }, (_, j) => rows.map((r) => r[j] as number));
}

/** [column, value] of every column of X holding a single value. */
function constantColumns(X: readonly (readonly number[])[]): [number, number][] {
  const first = X[0] ?? [];
  return first.flatMap((v, i) => (X.every((r) => r[i] === v) ? [[i, v] as [number, number]] : []));
}

/** Float forward pass keeping every hidden activation (the calibration data of each layer's output quantizer). */
function floatActivations(layers: readonly FloatDense[], X: readonly (readonly number[])[]): number[][][] {
  const out: number[][][] = [];
  let h = X.map((r) => r.slice());
  layers.slice(0, -1).forEach((layer) => {
    h = h.map((x) =>
      layer.biases.map((b, j) => {
        let s = b;
        for (let i = 0; i < x.length; i++) s += (x[i] as number) * ((layer.weights[i] as readonly number[])[j] as number);
        return activate(layer.activation, s);
      }),
    );
    out.push(h);
  });
  return out;
}

interface LayerPlan {
  readonly weights: number[][];
  readonly scale: number[];
  readonly bias: number[];
  readonly zeroPointSum: number[];
  readonly requantization?: { activation: Activation; output: UniformQuantizer };
}

/**
 * Post-training quantization of a dense network (Concrete ML's built-in MLP, without QAT):
 * inputs per feature and hidden activations per layer to nABits (calibrated on X), weights per
 * output channel to nWBits (symmetric, with each input's scale folded in). Then the windows:
 * every accumulator is shifted to start at 0 (by a multiple of 2^l, so rounding is unchanged)
 * over the compile samples — X, the exact worst-case inputs of the first layer, and inputs found
 * by coordinate search for the deeper layers — and each hidden layer rounds away
 * l = P − nAccumBits bits, where P is the widest window (plus approximate rounding's margin of
 * 2^(l−1) on each side) or output. l changes the deeper layers' values, so the plan repeats
 * until l is stable. `program.extremes` holds the added samples, for the compiler's inputset.
 */
export function quantizeDenseNetwork(layers: readonly FloatDense[], X: readonly (readonly number[])[], options: NetworkQuantization): QuantizedNetwork {
  checkOptions(options);
  if (layers.length === 0 || X.length === 0) throw new InvalidParameterError('a quantized network needs at least one layer and one calibration row');
  const input = UniformQuantizer.calibrate(columnsOf(X), options.nABits, false);
  const outputQuantizers = floatActivations(layers, X).map((h) => UniformQuantizer.calibrate([h.flat()], options.nABits, false));
  const plans: LayerPlan[] = layers.map((layer, L) => {
    const previous = outputQuantizers[L - 1];
    const inScale = previous === undefined ? input.params.scale : layer.weights.map(() => previous.params.scale[0] as number);
    const inZero = previous === undefined ? input.params.zeroPoint : layer.weights.map(() => previous.params.zeroPoint[0] as number);
    // A feature constant on X carries nothing: its term W_ij·x_i joins the bias, its weight is 0
    // (its fallback scale of 1 would otherwise dominate every neuron's weight scale).
    const constant = L === 0 ? constantColumns(X) : [];
    const bias = layer.biases.map((b, j) => constant.reduce((s, [i, v]) => s + ((layer.weights[i] as readonly number[])[j] as number) * v, b));
    const dead = new Set(constant.map(([i]) => i));
    const rows = layer.biases.map((_, j) => layer.weights.map((w, i) => (dead.has(i) ? 0 : (w[j] as number) * (inScale[i] as number))));
    const { weights, scale } = quantizeChannelWeights(rows, options.nWBits);
    const zeroPointSum = weights.map((row) => row.reduce((s, w, i) => s + w * (inZero[i] as number), 0));
    const output = outputQuantizers[L];
    return { weights, scale, bias, zeroPointSum, ...(output ? { requantization: { activation: layer.activation, output } } : {}) };
  });

  const quantizedX = X.map((r) => input.quantizeRow(r));
  let lsbs = layers.map(() => 0);
  for (let attempt = 0; ; attempt++) {
    const built = buildLayers(plans, lsbs, quantizedX, input.qMax);
    const hiddenBits = built.layers.slice(0, -1).map((l) => bitsOfSpan(l.params.window + (l.params.lsbsToRemove > 0 ? 2 ** l.params.lsbsToRemove : 0)));
    const outputBits = signedBits(built.outputRange[0], built.outputRange[1]);
    const precision = Math.max(outputBits, ...hiddenBits);
    const next = layers.map((_, L) => (L < layers.length - 1 ? Math.max(0, precision - options.nAccumBits) : 0));
    if (next.every((l, L) => l === lsbs[L]) || attempt === 4) {
      const output = built.layers.at(-1) as QuantizedDense;
      const program: IntegerProgram = {
        outputCount: output.fanOut,
        trace: (x) => built.layers.reduce((h, layer) => layer.trace(h), x),
        evaluate: (q) => built.layers.reduce((h, layer) => layer.evaluate(h), q as number[]),
        extremes: built.extremes,
      };
      return { input, layers: built.layers, program, ...output.dequantization(), precision };
    }
    lsbs = next;
  }
}

/**
 * The layers for given rounding bits: first-layer extremes are exact (each input at 0 or its
 * maximum by the sign of its weight); deeper layers' extremes come from coordinate search;
 * shifts and windows are then measured over X plus every extreme.
 */
function buildLayers(plans: readonly LayerPlan[], lsbs: readonly number[], quantizedX: number[][], qMax: number): { layers: QuantizedDense[]; extremes: number[][]; outputRange: [number, number] } {
  // Shifts do not change rounded values (they are multiples of 2^l): build with zero shifts first.
  const provisional = plans.map((p, L) => new QuantizedDense({ ...p, shift: p.weights.map(() => 0), lsbsToRemove: lsbs[L] as number, window: 0 }));
  const extremes: number[][] = [];
  for (const row of (plans[0] as LayerPlan).weights) {
    extremes.push(row.map((w) => (w > 0 ? qMax : 0)), row.map((w) => (w < 0 ? qMax : 0)));
  }
  for (let L = 1; L < plans.length; L++) {
    const accumulators = (q: readonly number[]): number[] => {
      let h = q as number[];
      for (let k = 0; k < L; k++) h = (provisional[k] as QuantizedDense).evaluate(h);
      return (provisional[L] as QuantizedDense).accumulate(h);
    };
    extremes.push(...extremeInputs(accumulators, [...quantizedX, ...extremes], qMax));
  }
  const samples = [...quantizedX, ...extremes];
  const layers: QuantizedDense[] = [];
  let outputRange: [number, number] = [0, 0];
  let values = samples;
  plans.forEach((p, L) => {
    const accumulators = values.map((q) => (provisional[L] as QuantizedDense).accumulate(q));
    const unit = 2 ** (lsbs[L] as number);
    const low = p.weights.map((_, j) => Math.min(...accumulators.map((a) => a[j] as number)));
    const high = p.weights.map((_, j) => Math.max(...accumulators.map((a) => a[j] as number)));
    // Hidden windows start at 0 (the lookups' tables start there). Returned sums are centred on 0:
    // they decode as P-bit two's complement, so a sample beyond the compile range keeps headroom
    // on both sides instead of wrapping at 0.
    const shift = p.requantization
      ? low.map((lo) => -Math.floor(lo / unit) * unit)
      : low.map((lo, j) => -Math.round((lo + (high[j] as number)) / 2));
    const window = Math.max(...high.map((hi, j) => hi + (shift[j] as number)));
    if (!p.requantization) outputRange = [Math.min(...low.map((lo, j) => lo + (shift[j] as number))), window];
    const layer = new QuantizedDense({ ...p, shift, lsbsToRemove: lsbs[L] as number, window });
    layers.push(layer);
    values = values.map((q) => layer.evaluate(q));
  });
  return { layers, extremes, outputRange };
}

/** Bits of the integer type holding [lo, hi]: unsigned when lo >= 0, two's complement otherwise. */
function signedBits(lo: number, hi: number): number {
  if (lo >= 0) return bitsOfSpan(hi);
  let bits = 2;
  while (-(2 ** (bits - 1)) > lo || 2 ** (bits - 1) - 1 < hi) bits++;
  return bits;
}
