import { afterAll, describe, expect, it } from '@jest/globals';
import { evaluate, np, roundBitPattern, type NdArray, type Tracer } from '@cml/tracer';
import type { Circuit } from './circuit.js';
import { compile } from './compile.js';
import type { CompilationConfig } from './config.js';
import { SeededRandom } from './program/seeded-random.js';

// The building blocks of quantized neural networks, end to end: clear, simulated and
// encrypted runs equal the tracer's evaluation (small widths keep the bootstraps cheap).
const random = new SeededRandom(21);
const ints = (length: number, hi: number, lo = 0): number[] =>
  Array.from({ length }, () => random.int(lo, hi));
/** A batch of one image (1, channels, height, width) with entries in [0, hi]. */
const image = (channels: number, size: number, hi: number): number[][][][] => [
  Array.from({ length: channels }, () => Array.from({ length: size }, () => ints(size, hi))),
];
const plain = (arrays: readonly NdArray[]): number[][] =>
  arrays.map((a) => a.toArray().map((v) => v + 0));

const circuits: Circuit[] = [];
function build(
  fn: (x: Tracer) => unknown,
  inputset: readonly unknown[],
  config: CompilationConfig = {},
): Circuit {
  const circuit = compile(fn, { x: 'encrypted' }, inputset as never, config);
  circuits.push(circuit);
  return circuit;
}

/** Circuits with the same parameters share one key pair (generated once). */
const keyOwners = new Map<string, Circuit>();
async function runEncrypted(circuit: Circuit, x: unknown): Promise<number[][]> {
  const owner = keyOwners.get(circuit.parameters.name);
  if (owner) circuit.client.shareKeysFrom(owner.client);
  else {
    await circuit.keygen();
    keyOwners.set(circuit.parameters.name, circuit);
  }
  return plain(await circuit.encryptRunDecrypt(x as never));
}

function expectExactOnInputset(circuit: Circuit, inputset: readonly unknown[]): void {
  for (const sample of inputset) {
    const expected = plain(evaluate(circuit.graph, [sample as never]));
    expect(plain(circuit.clear(sample as never))).toEqual(expected);
    expect(plain(circuit.simulate(sample as never))).toEqual(expected);
  }
}

async function expectExactEncrypted(circuit: Circuit, samples: readonly unknown[]): Promise<void> {
  for (const sample of samples)
    expect(await runEncrypted(circuit, sample)).toEqual(
      plain(evaluate(circuit.graph, [sample as never])),
    );
}

afterAll(async () => {
  for (const circuit of circuits) await circuit.dispose();
});

describe('neural-network building blocks on encrypted inputs', () => {
  it('encrypted vector x clear weight matrix, then ReLU: one lookup per neuron', async () => {
    const weights = [
      [1, -1, 2],
      [0, 1, -1],
    ];
    const inputset = Array.from({ length: 10 }, () => ints(3, 3));
    const circuit = build((x) => np.relu(np.matmul(weights, x)), inputset);
    expect(circuit.statistics.lookups).toBe(2);
    expectExactOnInputset(circuit, inputset);
    await expectExactEncrypted(circuit, inputset.slice(0, 2));
  });

  it('conv2d with stride 2, padding 1 and two channels in and out, then ReLU', async () => {
    const weights = Array.from({ length: 2 }, () =>
      Array.from({ length: 2 }, () => Array.from({ length: 2 }, () => ints(2, 1, -1))),
    );
    const inputset = Array.from({ length: 10 }, () => image(2, 3, 3));
    const circuit = build(
      (x) => np.relu(np.conv2d(x, weights, [1, -1], { stride: 2, padding: 1 })),
      inputset,
    );
    // (1, 2, 2, 2) outputs: one ReLU lookup each, the convolution itself is linear.
    expect(circuit.statistics.lookups).toBe(8);
    expectExactOnInputset(circuit, inputset);
    await expectExactEncrypted(circuit, inputset.slice(0, 1));
  });

  it('avgPool2d as a window sum whose division is fused into the next lookup', async () => {
    const inputset = Array.from({ length: 10 }, () => image(1, 4, 3));
    const circuit = build(
      (x) => np.relu(np.avgPool2d(x, { kernelShape: 2, stride: 2 }).sub(1)).astype('int'),
      inputset,
    );
    expect(circuit.statistics.lookups).toBe(4);
    expect(circuit.program.instructions.filter((i) => i.kind === 'lookup')).toHaveLength(1);
    expectExactOnInputset(circuit, inputset);
    await expectExactEncrypted(circuit, inputset.slice(0, 1));
  });

  it('maxPool2d by pairwise maxima: one lookup per comparison, padding skipped', async () => {
    const inputset = Array.from({ length: 10 }, () => image(1, 4, 3));
    const pooled = build((x) => np.maxPool2d(x, { kernelShape: 2, stride: 2 }), inputset);
    // 4 windows of 4 values: 3 comparisons each.
    expect(pooled.statistics.lookups).toBe(12);
    const padded = build(
      (x) => np.maxPool2d(x, { kernelShape: 3, stride: 2, padding: 1 }),
      inputset,
    );
    // Windows hold 4, 6, 6 and 9 real values: 3 + 5 + 5 + 8 comparisons.
    expect(padded.statistics.lookups).toBe(21);
    expectExactOnInputset(pooled, inputset);
    expectExactOnInputset(padded, inputset);
    await expectExactEncrypted(pooled, inputset.slice(0, 1));
  });

  it('flatten / reshape feed a dense layer without any lookup', async () => {
    const weights = Array.from({ length: 8 }, (_, i) => [(i % 3) - 1, 1]);
    const inputset = Array.from({ length: 10 }, () => image(2, 2, 3));
    const flat = build((x) => np.matmul(np.flatten(x), weights), inputset);
    const reshaped = build((x) => np.matmul(np.reshape(x, [1, 8]), weights), inputset);
    expect(flat.statistics.lookups).toBe(0);
    expect(reshaped.statistics.lookups).toBe(0);
    expectExactOnInputset(flat, inputset);
    expectExactOnInputset(reshaped, inputset);
    await expectExactEncrypted(flat, inputset.slice(0, 1));
  });

  it('roundBitPattern before the activation: approximate rounding reads the kept bits only', async () => {
    const weights = [
      [3, -2, 5, 1],
      [-1, 4, 2, -3],
    ];
    const inputset = Array.from({ length: 20 }, () => ints(4, 7));
    const layer = (x: Tracer) => np.relu(roundBitPattern(np.matmul(weights, x), 3).sub(8));
    const exact = build(layer, inputset);
    const approximate = build(layer, inputset, { rounding: 'approximate' });
    expectExactOnInputset(exact, inputset);
    expectExactOnInputset(approximate, inputset);
    expect(approximate.parameterReport.constraints.lookupPrecision).toBe(
      approximate.program.precision - 3,
    );
    expect(approximate.parameterReport.cost.lookupMs).toBeLessThan(
      exact.parameterReport.cost.lookupMs,
    );
    for (const x of inputset.slice(0, 2)) {
      const sums = weights.map((row) => row.reduce((s, w, i) => s + w * (x[i] as number), 0));
      const [got] = await runEncrypted(approximate, x);
      // f of the accumulator rounded to the nearest multiple of 8, or to a neighbouring one.
      sums.forEach((sum, i) => {
        const options = [-8, 0, 8].map((d) => Math.max(Math.round(sum / 8) * 8 + d - 8, 0));
        expect(options).toContain(got?.[i]);
      });
    }
  });
});
