/**
 * Clear-evaluation speed of @cml/tracer (the oracle the other layers run on datasets).
 * Runs on the built package: `pnpm --filter @cml/tracer bench` (after build). Prints a table
 * and writes artifacts/bench.json. Inputs come from a fixed-seed generator.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { arange, array, evaluate, measureBounds, np, trace } from '../dist/index.js';

let state = 1;
const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31), state);
const ints = (shape, low, high) =>
  array(arange(shape.reduce((a, d) => a * d, 1)).toArray().map(() => low + (next() % (high - low)))).reshape(shape);

/** Median milliseconds per call over `runs` timed calls after one warm-up. */
function time(fn, runs) {
  fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const w1 = ints([784, 128], -8, 8);
const w2 = ints([128, 10], -8, 8);
const mlp = (x) => np.matmul(np.clip(np.matmul(x, w1), 0, 255).floorDivide(16), w2).argmax();
const mlpGraph = trace(mlp, { x: 'encrypted' }, { inputShapes: { x: [784] } });
const image = ints([784], 0, 16);

const conv = (x) => np.maxPool2d(np.relu(np.conv2d(x, ints([8, 1, 3, 3], -4, 4), ints([8], -10, 10), { padding: 1 })), { kernelShape: 2 });
const convGraph = trace(conv, { x: 'encrypted' }, { inputShapes: { x: [1, 1, 28, 28] } });
const picture = ints([1, 1, 28, 28], 0, 16);

const big = ints([1000, 1000], -100, 100);
const row = ints([1000], -100, 100);
const inputset = Array.from({ length: 100 }, () => ints([784], 0, 16));

const rows = [
  ['trace MLP 784-128-10', time(() => trace(mlp, { x: 'encrypted' }, { inputShapes: { x: [784] } }), 20), 'ms/trace'],
  ['evaluate MLP 784-128-10', time(() => evaluate(mlpGraph, [image]), 50), 'ms/sample'],
  ['evaluate conv2d 8x3x3 + relu + maxPool 28x28', time(() => evaluate(convGraph, [picture]), 20), 'ms/sample'],
  ['add 1000x1000 + broadcast row', time(() => big.add(row), 10), 'ms/op'],
  ['measureBounds MLP, 100 samples', time(() => measureBounds(mlpGraph, inputset), 3), 'ms/inputset'],
];

console.log('| benchmark | median | unit |\n| --- | ---: | --- |');
for (const [name, ms, unit] of rows) console.log(`| ${name} | ${ms.toFixed(3)} | ${unit} |`);
mkdirSync('artifacts', { recursive: true });
writeFileSync(
  'artifacts/bench.json',
  JSON.stringify({ node: process.version, results: rows.map(([name, ms, unit]) => ({ name, ms, unit })) }, null, 2),
);
