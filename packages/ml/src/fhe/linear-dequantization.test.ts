import { describe, expect, it } from '@jest/globals';
import { Rng } from '../core/random.js';
import { LinearRegression } from '../linear-model/linear-regression.js';
import { UniformQuantizer } from '../quantization/uniform-quantizer.js';

/** Seeded random regression problems with features of very different scales and offsets. */
function problem(seed: number, features: number) {
  const rng = new Rng(seed);
  const u = () => rng.nextFloat();
  const scales = Array.from({ length: features }, () => 10 ** (4 * u() - 2));
  const shifts = Array.from({ length: features }, () => 20 * u() - 10);
  const X = Array.from({ length: 60 }, () => scales.map((s, j) => shifts[j]! + s * (2 * u() - 1)));
  const w = Array.from({ length: features }, () => 2 * u() - 1);
  const y = X.map((r) => r.reduce((acc, v, j) => acc + (w[j]! * v) / scales[j]!, 0) + 3);
  return { X, y };
}

describe('linear dequantization', () => {
  for (const [seed, features] of [[1, 3], [2, 12], [3, 30]] as const) {
    it(`the dequantized score equals the float model on dequantized inputs up to the weight rounding (seed ${seed}, ${features} features)`, () => {
      const { X, y } = problem(seed, features);
      const model = new LinearRegression().fit(X, y);
      const fhe = model.compile(X, { nBits: 3, weightBits: 5, accumulatorBits: 7 });
      const input = new UniformQuantizer(fhe.spec.input);
      const Q = fhe.quantizeInput(X);
      const scores = fhe.dequantizeOutput(fhe.integerOutputs(Q, 'simulate'));
      // each quantized weight is within half its group's scale of the exact one
      const halfStep = Math.max(...fhe.spec.scores.scale) / 2;
      Q.forEach((q, i) => {
        const xHat = q.map((v, j) => input.dequantize(v, j));
        const exact = model.predict([xHat])[0]!;
        const bound = halfStep * q.reduce((a, v) => a + v, 0) + 1e-9 * (1 + Math.abs(exact));
        expect(Math.abs(scores[i]![0]! - exact)).toBeLessThanOrEqual(bound);
      });
      // and the bound is not vacuous: scores track the targets
      const errors = scores.map((s, i) => Math.abs(s[0]! - y[i]!));
      const spread = Math.max(...y) - Math.min(...y);
      expect(errors.reduce((a, b) => a + b, 0) / errors.length).toBeLessThan(0.2 * spread);
    });
  }
});
