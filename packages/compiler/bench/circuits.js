#!/usr/bin/env node
// Compile, keygen and encrypted-run times of representative circuits, with their statistics.
// Usage: pnpm --filter @cml/compiler bench (after build). Writes bench/results.json.
// Every encrypted result is checked against the clear evaluation of the traced graph.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { evaluate, np, univariate } from '@cml/tracer';
import { SeededRandom, compile, loadTfhe } from '../dist/index.js';

const POOL_SIZE = Number(process.env.CML_POOL_SIZE ?? cpus().length);
// The worker pool needs the shared-memory build, loaded before anything else.
await loadTfhe(true);

const random = new SeededRandom(7);
const range = (lo, hi) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
const weights = Array.from({ length: 10 }, () =>
  Array.from({ length: 10 }, () => random.int(-1, 1)),
);
const vector = () => Array.from({ length: 10 }, () => random.int(0, 1));

/** A chain of `steps` lookups: y <- ((y + x) * multiplier + 1) mod modulus (odd multiplier: all residues occur); each sum is materialized before its lookup. */
function lookupChain(steps, modulus, multiplier) {
  const table = univariate((v) => (v * multiplier + 1) % modulus);
  return (x) => {
    let y = x;
    for (let i = 0; i < steps; i++) y = table(y.add(x));
    return y;
  };
}

const circuits = [
  {
    name: '10x10 clear matrix x encrypted vector, ReLU',
    fn: (x) => np.relu(np.matmul(weights, x)),
    inputset: [...Array.from({ length: 30 }, vector), new Array(10).fill(0), new Array(10).fill(1)],
  },
  {
    name: 'univariate float: int(10 sin(x))',
    fn: (x) => np.sin(x).mul(10).astype('int'),
    inputset: range(0, 15),
  },
  {
    name: 'encrypted x encrypted product',
    fn: (x, y) => x.mul(y),
    spec: { x: 'encrypted', y: 'encrypted' },
    inputset: range(0, 3).flatMap((x) => range(0, 3).map((y) => [x, y])),
  },
  { name: '3-bit lookup chain (8 lookups)', fn: lookupChain(8, 4, 3), inputset: range(0, 3) },
  { name: '6-bit lookup chain (4 lookups)', fn: lookupChain(4, 32, 7), inputset: range(0, 31) },
];

const now = () => performance.now();
const results = [];
for (const circuit of circuits) {
  const spec = circuit.spec ?? { x: 'encrypted' };
  let t = now();
  const compiled = compile(circuit.fn, spec, circuit.inputset, { poolSize: POOL_SIZE });
  const compileMs = now() - t;
  t = now();
  await compiled.keygen();
  const keygenMs = now() - t;
  const sample = circuit.inputset[1];
  const args = Object.keys(spec).length === 1 ? [sample] : sample;
  t = now();
  const encrypted = compiled.encrypt(...args);
  const encryptMs = now() - t;
  t = now();
  const outputs = await compiled.server.run(encrypted, compiled.client.evaluationKeys);
  const runMs = now() - t;
  await compiled.run(encrypted); // warm the pool up (workers compile the module)
  t = now();
  const pooled = await compiled.run(encrypted);
  const poolRunMs = now() - t;
  const pooledCorrect =
    JSON.stringify(compiled.decrypt(pooled).map((a) => a.toArray())) ===
    JSON.stringify(evaluate(compiled.graph, args).map((a) => a.toArray()));
  t = now();
  const decrypted = compiled.decrypt(outputs);
  const decryptMs = now() - t;
  const expected = evaluate(compiled.graph, args).map((a) => a.toArray());
  const correct = JSON.stringify(decrypted.map((a) => a.toArray())) === JSON.stringify(expected);
  const s = compiled.statistics;
  const row = {
    name: circuit.name,
    parameters: compiled.parameters.name,
    precision: s.precision,
    lookups: s.lookups,
    maxNorm2: s.maxNorm2,
    compileMs,
    keygenMs,
    encryptMs,
    runMs,
    poolSize: POOL_SIZE,
    poolRunMs,
    decryptMs,
    msPerLookup: s.lookups > 0 ? runMs / s.lookups : 0,
    estimatedLatencyMs: s.estimatedLatencyMs,
    correct: correct && pooledCorrect,
    statistics: s,
  };
  results.push(row);
  await compiled.dispose();
  console.error(
    `${circuit.name}: run ${runMs.toFixed(0)} ms, pool ${poolRunMs.toFixed(0)} ms, correct ${row.correct}`,
  );
}

const fmt = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
console.log(
  `| circuit | P | lookups | norm2 | compile ms | keygen ms | run ms (1 thread) | ms/lookup | run ms (pool of ${POOL_SIZE}) | model ms | correct |`,
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.name} | ${r.precision} | ${r.lookups} | ${r.maxNorm2.toFixed(1)} | ${fmt(r.compileMs)} | ${fmt(r.keygenMs)} | ${fmt(r.runMs)} | ${fmt(r.msPerLookup)} | ${fmt(r.poolRunMs)} | ${fmt(r.estimatedLatencyMs)} | ${r.correct} |`,
  );
}
writeFileSync(
  new URL('./results.json', import.meta.url),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      loadAverage: loadavg(),
      results,
    },
    null,
    2,
  ) + '\n',
);
