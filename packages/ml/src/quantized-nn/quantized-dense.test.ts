import { describe, expect, it } from '@jest/globals';
import { evaluate, trace } from '@cml/tracer';
import { Rng } from '../core/random.js';
import { activate } from './activation.js';
import { quantizeDenseNetwork, type FloatDense } from './quantize-network.js';
import { bitsOfSpan, roundLowBits } from './rounding.js';
import { quantizeChannelWeights } from './weight-quantizer.js';

const rng = new Rng(7);
const gaussian = (): number => rng.nextFloat() * 2 - 1;
const randomLayer = (fanIn: number, fanOut: number, activation: FloatDense['activation']): FloatDense => ({
  weights: Array.from({ length: fanIn }, () => Array.from({ length: fanOut }, gaussian)),
  biases: Array.from({ length: fanOut }, () => 0.3 * gaussian()),
  activation,
});
const X = Array.from({ length: 80 }, () => Array.from({ length: 6 }, () => 3 * gaussian()));

describe('quantized-nn building blocks', () => {
  it('roundLowBits rounds to the nearest multiple of 2^l with ties upward, negative values included', () => {
    expect([-9, -8, -7, -5, -4, -3, 0, 3, 4, 11, 12].map((v) => roundLowBits(v, 3))).toEqual([-8, -8, -8, -8, 0, 0, 0, 0, 8, 8, 16]);
    expect(roundLowBits(13, 0)).toBe(13);
    expect([0, 1, 2, 3, 7, 8, 255, 256].map(bitsOfSpan)).toEqual([1, 1, 2, 2, 3, 4, 8, 9]);
  });

  it('per-channel weights use the full signed range of each row and reconstruct within half a step', () => {
    const rows = [
      [0.5, -1, 0.25],
      [10, 2, -3],
      [0, 0, 0],
    ];
    const { weights, scale } = quantizeChannelWeights(rows, 3);
    expect(weights[0]).toEqual([2, -3, 1]);
    expect(weights[1]).toEqual([3, 1, -1]);
    expect(weights[2]).toEqual([0, 0, 0]);
    rows.forEach((row, j) => row.forEach((v, i) => expect(Math.abs(v - scale[j]! * weights[j]![i]!)).toBeLessThanOrEqual(scale[j]! / 2 + 1e-12)));
  });
});

describe('quantizeDenseNetwork', () => {
  const layers = [randomLayer(6, 5, 'relu'), randomLayer(5, 4, 'tanh'), randomLayer(4, 2, 'identity')];

  it('the traced layers compute the plain-JS integers on every calibration row', () => {
    const net = quantizeDenseNetwork(layers, X, { nWBits: 3, nABits: 3, nAccumBits: 4 });
    expect(net.layers.slice(0, 2).every((l) => l.params.lsbsToRemove > 0)).toBe(true);
    const graph = trace((x) => net.program.trace(x), { x: 'encrypted' }, { inputShapes: { x: [6] } });
    for (const x of X.slice(0, 20)) {
      const q = net.input.quantizeRow(x);
      expect(evaluate(graph, [q])[0]?.toArray()).toEqual(net.program.evaluate(q));
    }
  });

  it('the plain-JS integers are the quantized network: hidden lookups = rounding, activation, requantization', () => {
    const net = quantizeDenseNetwork(layers, X, { nWBits: 4, nABits: 4, nAccumBits: 5 });
    const [first] = net.layers;
    const q = net.input.quantizeRow(X[3]!);
    const a = first!.accumulate(q);
    const l = first!.params.lsbsToRemove;
    const requant = first!.params.requantization!;
    a.forEach((v, j) => {
      const r = roundLowBits(v, l);
      const y = first!.params.scale[j]! * (r - first!.params.shift[j]! - first!.params.zeroPointSum[j]!) + layers[0]!.biases[j]!;
      expect(first!.evaluate(q)[j]).toBe(requant.output.quantize(activate('relu', y)));
    });
  });

  it('windows: hidden accumulators of every compile sample stay in [0, window], returned sums are centred, P covers both', () => {
    const net = quantizeDenseNetwork(layers, X, { nWBits: 3, nABits: 3, nAccumBits: 4 });
    const samples = [...X.map((x) => net.input.quantizeRow(x)), ...net.program.extremes];
    let h = samples.map((s) => s.slice());
    for (const layer of net.layers.slice(0, -1)) {
      for (const v of h.flatMap((q) => layer.accumulate(q))) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(layer.params.window);
      }
      expect(layer.params.window + 2 ** layer.params.lsbsToRemove).toBeLessThanOrEqual(2 ** net.precision);
      h = h.map((q) => layer.evaluate(q));
    }
    // returned sums are centred: within one of ±(half their span), inside P-bit two's complement
    const output = net.layers.at(-1)!;
    output.params.weights.forEach((_, k) => {
      const sums = h.map((q) => output.accumulate(q)[k]!);
      expect(Math.abs(Math.min(...sums) + Math.max(...sums))).toBeLessThanOrEqual(1);
    });
    for (const v of h.flatMap((q) => output.accumulate(q))) expect(Math.abs(v)).toBeLessThan(2 ** (net.precision - 1));
    expect(net.precision - net.layers[0]!.params.lsbsToRemove).toBe(4);
  });

  it('the dequantized outputs follow the float network (more bits, closer)', () => {
    const floatOut = (x: number[]): number[] => {
      let h = x;
      layers.forEach((layer, L) => {
        const z = layer.biases.map((b, j) => h.reduce((s, v, i) => s + v * layer.weights[i]![j]!, b));
        h = L < layers.length - 1 ? z.map((v) => activate(layer.activation, v)) : z;
      });
      return h;
    };
    const error = (bits: number): number => {
      const net = quantizeDenseNetwork(layers, X, { nWBits: bits, nABits: bits, nAccumBits: 16 });
      let worst = 0;
      for (const x of X) {
        const o = net.program.evaluate(net.input.quantizeRow(x));
        floatOut(x).forEach((f, k) => (worst = Math.max(worst, Math.abs(f - (net.scale[k]! * o[k]! + net.offset[k]!)))));
      }
      return worst;
    };
    const coarse = error(3);
    const fine = error(7);
    expect(fine).toBeLessThan(coarse / 4);
    expect(fine).toBeLessThan(0.2);
  });

  it('a feature constant on the calibration data gets weight 0 and joins the bias', () => {
    const withConstant = X.map((r) => [...r.slice(0, 5), 2.5]);
    const net = quantizeDenseNetwork(layers, withConstant, { nWBits: 4, nABits: 4, nAccumBits: 16 });
    const first = net.layers[0]!;
    expect(first.params.weights.every((row) => row[5] === 0)).toBe(true);
    first.params.bias.forEach((b, j) => expect(b).toBeCloseTo(layers[0]!.biases[j]! + 2.5 * layers[0]!.weights[5]![j]!, 12));
  });

  it('refuses bit counts out of range', () => {
    expect(() => quantizeDenseNetwork(layers, X, { nWBits: 1, nABits: 3, nAccumBits: 4 })).toThrow(expect.objectContaining({ name: 'InvalidParameterError' }));
    expect(() => quantizeDenseNetwork(layers, X, { nWBits: 3, nABits: 3, nAccumBits: 0 })).toThrow(/nAccumBits/);
  });
});
