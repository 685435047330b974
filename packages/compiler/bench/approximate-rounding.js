#!/usr/bin/env node
// Approximate rounding of a dense layer's accumulators: parameters, modelled cost, keygen and
// one encrypted run, against the previous rule (tables of 2^P entries needed N >= 2^(P+1)).
// Usage: node bench/approximate-rounding.js (after build). Writes bench/approximate-rounding.json.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { np, roundBitPattern } from '@cml/tracer';
import { DEFAULT_SEARCH_SPACE, SeededRandom, compile, optimizeParameters } from '../dist/index.js';

const random = new SeededRandom(11);
const INPUTS = 16;
const NEURONS = 8;
// 4-bit inputs; signed 4-bit weights (11-bit accumulators) or 6-bit weights (13-bit ones).
const weightsUpTo = (max) =>
  Array.from({ length: NEURONS }, () =>
    Array.from({ length: INPUTS }, () => random.int(-max, max)),
  );
const configs = [
  { weightBits: 4, weights: weightsUpTo(7), rounded: [5, 6, 7] },
  { weightBits: 6, weights: weightsUpTo(31), rounded: [8, 9] },
];
const vector = () => Array.from({ length: INPUTS }, () => random.int(0, 15));
const inputset = [
  ...Array.from({ length: 60 }, vector),
  new Array(INPUTS).fill(0),
  new Array(INPUTS).fill(15),
];

/** Dense layer, accumulators rounded by `bits`, ReLU, requantized to the kept bits. */
const layer = (weights, bits) => (x) =>
  np.relu(roundBitPattern(np.matmul(weights, x), bits)).floorDivide(2 ** bits);

/** The optimizer's answer for the same constraints with N >= 2^(P+1) (the rule before rounded tables). */
function previousRule(report, precision) {
  const c = report.constraints;
  const { parameters, report: previous } = optimizeParameters(
    {
      lookupPrecision: c.lookupPrecision,
      norm2: c.norm2,
      lookupCount: c.lookupCount,
      pError: c.pError,
      ...(c.output
        ? {
            lookupFreeOutput: {
              precision: c.output.precision,
              norm2: c.output.norm2,
              count: c.output.count,
            },
          }
        : {}),
    },
    {
      searchSpace: {
        log2PolynomialSizes: DEFAULT_SEARCH_SPACE.log2PolynomialSizes.filter(
          (l) => l >= precision + 1,
        ),
      },
    },
  );
  return { parameters, report: previous };
}

const describe = (p, report) => ({
  n: p.lweDimension,
  k: p.glweDimension,
  N: p.polynomialSize,
  pbs: `${p.pbsBaseLog}/${p.pbsLevel}`,
  ks: `${p.ksBaseLog}/${p.ksLevel}`,
  lookupMs: Number(report.cost.lookupMs.toFixed(1)),
  bootstrapKeyMiB: Number((report.keySizes.bootstrapKeyBytes / 2 ** 20).toFixed(1)),
  keyswitchKeyMiB: Number((report.keySizes.keyswitchKeyBytes / 2 ** 20).toFixed(1)),
});

const rows = [];
for (const { weightBits, weights, rounded } of configs)
  for (const bits of rounded) {
    const circuit = compile(layer(weights, bits), { x: 'encrypted' }, inputset, {
      rounding: 'approximate',
    });
    const P = circuit.program.precision;
    const before = previousRule(circuit.parameterReport, P);
    let t = performance.now();
    await circuit.keygen();
    const keygenMs = performance.now() - t;
    const x = vector();
    t = performance.now();
    const [got] = await circuit.encryptRunDecrypt(x);
    const runMs = performance.now() - t;
    // Each result is f of its accumulator rounded to the nearest or to a neighbouring box.
    const sums = weights.map((row) => row.reduce((s, w, i) => s + w * x[i], 0));
    const ok = sums.every((sum, i) =>
      [-1, 0, 1].some((d) => Math.max(Math.round(sum / 2 ** bits) + d, 0) === got.toArray()[i]),
    );
    await circuit.dispose();
    rows.push({
      weightBits,
      roundedBits: bits,
      P,
      lookupPrecision: circuit.parameterReport.constraints.lookupPrecision,
      before: describe(before.parameters, before.report),
      after: describe(circuit.parameters, circuit.parameterReport),
      keygenMs: Math.round(keygenMs),
      runMs: Math.round(runMs),
      lookups: circuit.statistics.lookups,
      resultsWithinOneBox: ok,
    });
  }

console.log(
  `dense layer ${INPUTS} -> ${NEURONS}, 4-bit inputs (load average ${loadavg()[0].toFixed(1)})`,
);
console.log(
  '| weight bits | rounded bits | P | lookup bits | N before -> after | n, k, PBS, KS after | lookup ms (model) before -> after | BSK MiB before -> after | keygen ms | run ms (8 lookups) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(
    `| ${r.weightBits} | ${r.roundedBits} | ${r.P} | ${r.lookupPrecision} | ${r.before.N} -> ${r.after.N} | ${r.after.n}, ${r.after.k}, ${r.after.pbs}, ${r.after.ks} | ` +
      `${r.before.lookupMs} -> ${r.after.lookupMs} | ${r.before.bootstrapKeyMiB} -> ${r.after.bootstrapKeyMiB} | ${r.keygenMs} | ${r.runMs} |`,
  );
  if (!r.resultsWithinOneBox)
    throw new Error(`rounded by ${r.roundedBits}: an encrypted result is off by more than one box`);
}
writeFileSync(
  new URL('./approximate-rounding.json', import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), loadAverage: loadavg()[0], rows }, null, 2)}\n`,
);
