import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtureSplit } from '../__fixtures__/fixture-split.js';
import { loadBreastCancer, loadDiabetes, loadIris } from '../datasets/loaders.js';
import { FHEModelClient } from '../deployment/fhe-model-client.js';
import { FHEModelDev } from '../deployment/fhe-model-dev.js';
import { FHEModelServer } from '../deployment/fhe-model-server.js';
import { accuracyScore } from '../metrics/accuracy.js';
import { r2Score } from '../metrics/regression.js';
import { NeuralNetClassifier } from '../neural-net/neural-net-classifier.js';
import { NeuralNetRegressor } from '../neural-net/neural-net-regressor.js';
import type { QuantizedDense } from '../quantized-nn/quantized-dense.js';
import { quantizeNeuralNet } from './neural-net-program.js';
import { KeyShare } from './testing/key-share.js';

let cancer: ReturnType<typeof fixtureSplit>;
let iris: ReturnType<typeof fixtureSplit>;
let diabetes: ReturnType<typeof fixtureSplit>;
const keys = new KeyShare();

beforeAll(async () => {
  cancer = fixtureSplit(await loadBreastCancer(), true);
  iris = fixtureSplit(await loadIris(), true);
  diabetes = fixtureSplit(await loadDiabetes(), true);
});
afterAll(() => keys.dispose());

/** A small iris net whose accumulators fit the lookups exactly (nAccumBits above the width: no rounding). */
const exactIrisNet = (): NeuralNetClassifier =>
  new NeuralNetClassifier({ hiddenLayerSizes: [3], maxIter: 60, learningRateInit: 0.05, randomState: 0, nWBits: 2, nABits: 2, nAccumBits: 8 }).fit(iris.xTrain, iris.yTrain);

/**
 * What approximate rounding allows: each hidden accumulator a may be rounded to either
 * neighbouring multiple of 2^l (the compiler's guarantee, failing with probability pError per
 * lookup). Every neuron's lookup is non-decreasing in its rounded input (λ > 0, monotone
 * activation and quantizer), so propagating [⌊a_lo⌋, ⌈a_hi⌉] through the layers bounds every
 * output the encrypted run may return.
 */
function outputInterval(layers: readonly QuantizedDense[], q: readonly number[]): { lo: number[]; hi: number[] } {
  let lo = q.slice();
  let hi = q.slice();
  for (const layer of layers) {
    const { weights, shift, lsbsToRemove } = layer.params;
    const aLo = weights.map((row, j) => row.reduce((s, w, i) => s + w * (w > 0 ? lo[i]! : hi[i]!), shift[j]!));
    const aHi = weights.map((row, j) => row.reduce((s, w, i) => s + w * (w > 0 ? hi[i]! : lo[i]!), shift[j]!));
    if (layer.params.requantization === undefined) return { lo: aLo, hi: aHi };
    const unit = 2 ** lsbsToRemove;
    lo = aLo.map((a, j) => layer.neuron(j, Math.floor(a / unit) * unit));
    hi = aHi.map((a, j) => layer.neuron(j, Math.ceil(a / unit) * unit));
  }
  return { lo, hi };
}

describe('NeuralNetClassifier on encrypted data', () => {
  it('breast_cancer, default bits: simulate equals the plain-JS quantized network on the whole test split; lookups read nAccumBits', () => {
    const model = new NeuralNetClassifier({ hiddenLayerSizes: [16], maxIter: 40, learningRateInit: 0.01, randomState: 0 }).fit(cancer.xTrain, cancer.yTrain);
    const fhe = model.compile(cancer.xTrain);
    const quantized = model.predict(cancer.xTest, { fhe: 'disable' });
    expect(model.predict(cancer.xTest, { fhe: 'simulate' })).toEqual(quantized);
    expect(model.predictProba(cancer.xTest, { fhe: 'simulate' })).toEqual(model.predictProba(cancer.xTest, { fhe: 'disable' }));
    // one lookup per hidden neuron, each sized for the nAccumBits = 5 kept bits of a wider accumulator
    expect(fhe.circuit.statistics.lookupsPerPrecision).toEqual({ 5: 16 });
    expect(fhe.circuit.program.precision).toBeGreaterThan(5);
    expect(fhe.circuit.config.rounding).toBe('approximate');
    const floatAccuracy = accuracyScore(cancer.yTest, model.predict(cancer.xTest));
    expect(accuracyScore(cancer.yTest, quantized)).toBeGreaterThanOrEqual(floatAccuracy - 0.03);
  });

  it('exact rounding (nAccumBits above the accumulator width): execute equals simulate', async () => {
    const model = exactIrisNet();
    const fhe = model.compile(iris.xTrain);
    expect(fhe.circuit.config.rounding).toBe('exact');
    expect(fhe.circuit.program.instructions.every((i) => i.kind !== 'lookup' || i.roundedBits === 0)).toBe(true);
    const simulated = model.predict(iris.xTest, { fhe: 'simulate' });
    expect(simulated).toEqual(model.predict(iris.xTest, { fhe: 'disable' }));
    await keys.attach(fhe);
    const Q = model.quantizeInput(iris.xTest.slice(0, 4));
    expect(await fhe.integerOutputs(Q, 'execute')).toEqual(fhe.integerOutputs(Q, 'simulate'));
    expect(accuracyScore(iris.yTest, simulated)).toBeGreaterThan(0.8);
  });

  it('approximate rounding: every encrypted output lies in the interval rounding either way allows; certain predictions agree', async () => {
    const model = new NeuralNetClassifier({ hiddenLayerSizes: [8], maxIter: 60, learningRateInit: 0.02, randomState: 1, nWBits: 3, nABits: 3, nAccumBits: 4 }).fit(iris.xTrain, iris.yTrain);
    const fhe = model.compile(iris.xTrain);
    const { network } = quantizeNeuralNet(model.dump(), iris.xTrain);
    expect(network.layers[0]!.params.lsbsToRemove).toBeGreaterThan(0);
    expect(fhe.circuit.parameterReport.constraints.lookupPrecision).toBe(4);
    await keys.attach(fhe);
    const Q = model.quantizeInput(iris.xTest.slice(0, 12));
    const simulated = fhe.integerOutputs(Q, 'simulate');
    const encrypted = await fhe.integerOutputs(Q, 'execute');
    let certain = 0;
    Q.forEach((q, s) => {
      expect(network.program.evaluate(q)).toEqual(simulated[s]);
      const { lo, hi } = outputInterval(network.layers, q);
      encrypted[s]!.forEach((o, k) => {
        expect(o).toBeGreaterThanOrEqual(lo[k]!);
        expect(o).toBeLessThanOrEqual(hi[k]!);
      });
      // the simulated winner's lowest score beats every other class's highest: any rounding keeps it
      const scoreLo = lo.map((v, k) => network.scale[k]! * v + network.offset[k]!);
      const scoreHi = hi.map((v, k) => network.scale[k]! * v + network.offset[k]!);
      const winner = simulated[s]!.map((v, k) => network.scale[k]! * v + network.offset[k]!).reduce((b, v, k, a) => (v > a[b]! ? k : b), 0);
      if (scoreHi.every((v, k) => k === winner || v < scoreLo[winner]!)) {
        certain++;
        const scores = encrypted[s]!.map((v, k) => network.scale[k]! * v + network.offset[k]!);
        expect(scores.indexOf(Math.max(...scores))).toBe(winner);
      }
    });
    // Computed in the clear (deterministic): enough samples are certain for the agreement check to bite.
    // Measured when written: 6 of 12 certain, 9 of 12 encrypted outputs equal to simulate.
    expect(certain).toBeGreaterThanOrEqual(Q.length / 4);
  });

  it('dump/load keeps the compiled integers; deployment through bytes gives the simulated prediction and scores', async () => {
    const model = exactIrisNet();
    const fhe = model.compile(iris.xTrain);
    const restored = NeuralNetClassifier.load(JSON.stringify(model.dump()));
    const again = restored.compile(iris.xTrain);
    expect(again.spec).toEqual(fhe.spec);
    expect(restored.predict(iris.xTest, { fhe: 'simulate' })).toEqual(model.predict(iris.xTest, { fhe: 'simulate' }));

    const files = new FHEModelDev('unused', fhe).artifacts();
    const client = FHEModelClient.fromBytes(files['client.json']!, files['client.bin']!);
    const server = FHEModelServer.fromBytes(files['server.bin']!);
    await client.generatePrivateAndEvaluationKeys();
    const evaluationKeys = client.getSerializedEvaluationKeys();
    const samples = iris.xTest.slice(0, 2);
    const expected = fhe.predict(samples, { fhe: 'simulate' });
    const expectedProba = fhe.predictProba(samples, { fhe: 'simulate' });
    try {
      for (const [i, x] of samples.entries()) {
        const result = await client.deserializeDecryptDequantize(await server.run(client.quantizeEncryptSerialize(x), evaluationKeys));
        expect(result.prediction).toBe(expected[i]);
        expect(result.probabilities).toEqual(expectedProba[i]);
      }
    } finally {
      client.dispose();
      server.dispose();
    }
  });

  it('takes its bits as constructor options; moduleNLayers sets the hidden layer count', () => {
    const model = exactIrisNet();
    expect(() => model.compile(iris.xTrain, { nBits: 3 })).toThrow(/constructor options \(nWBits, nABits, nAccumBits\), not nBits/);
    expect(new NeuralNetClassifier({ moduleNLayers: 3, hiddenLayerSizes: [10] }).params.hiddenLayerSizes).toEqual([10, 10]);
    expect(() => new NeuralNetClassifier({ moduleNLayers: 3, hiddenLayerSizes: [10, 5, 2] })).toThrow(expect.objectContaining({ name: 'InvalidParameterError' }));
    expect(() => new NeuralNetClassifier({ nWBits: 1 })).toThrow(/nWBits/);
  });
});

describe('NeuralNetRegressor on encrypted data', () => {
  it('diabetes: simulate equals the quantized network on the whole test split; R² close to float', () => {
    const model = new NeuralNetRegressor({ hiddenLayerSizes: [8], learningRateInit: 0.2, maxIter: 40, randomState: 0, nWBits: 4, nABits: 6, nAccumBits: 6 }).fit(diabetes.xTrain, diabetes.yTrain);
    model.compile(diabetes.xTrain);
    const quantized = model.predict(diabetes.xTest, { fhe: 'disable' });
    expect(model.predict(diabetes.xTest, { fhe: 'simulate' })).toEqual(quantized);
    expect(r2Score(diabetes.yTest, quantized)).toBeGreaterThan(r2Score(diabetes.yTest, model.predict(diabetes.xTest)) - 0.1);
  });
});
