// tfjs conversion benchmark: a small CNN on 8x8 digits (every 4th image tested, pixels / 16):
// Conv2D(3 filters, 3x3, relu) -> pooling 2x2 -> Flatten -> Dense(10, softmax), trained with
// tfjs (seeded). For each compile configuration: float accuracy, quantized clear accuracy
// (fhe: 'disable'), simulated accuracy on the whole test split, encrypted (fhe: 'execute')
// agreement and median latency on a few samples, lookups per precision, key sizes, keygen
// time. Rows without nAccumBits and 7-bit lookups only compile (minutes per sample). Runs on the built package (dist/); table on stdout, JSON in bench/tfjs-results.json.
// `--quick` runs one encrypted sample per configuration.
import { writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import * as ml from '../dist/index.js';

const quick = process.argv.includes('--quick');
const samples = quick ? 1 : 3;

const { data, target } = await ml.loadDigits();
const split = { xTrain: [], yTrain: [], xTest: [], yTest: [] };
data.forEach((row, i) => {
  (i % 4 === 0 ? split.xTest : split.xTrain).push(row.map((v) => v / 16));
  (i % 4 === 0 ? split.yTest : split.yTrain).push(target[i]);
});

async function trainCnn(pool) {
  const init = (seed) => tf.initializers.glorotUniform({ seed });
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [8, 8, 1], filters: 3, kernelSize: 3, activation: 'relu', kernelInitializer: init(21) }),
      pool === 'avg' ? tf.layers.averagePooling2d({ poolSize: 2 }) : tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: init(22) }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.02), loss: 'sparseCategoricalCrossentropy' });
  const xs = tf.tensor(split.xTrain).reshape([-1, 8, 8, 1]);
  await model.fit(xs, tf.tensor1d(split.yTrain, 'float32'), { epochs: 10, batchSize: 32, shuffle: false, verbose: 0 });
  const predicted = tf.tidy(() => Array.from(model.predict(tf.tensor(split.xTest).reshape([-1, 8, 8, 1])).argMax(-1).dataSync()));
  return { model, floatAccuracy: ml.accuracyScore(split.yTest, predicted) };
}

const configurations = [
  { pool: 'avg', options: { nBits: 3, nAccumBits: 4, poolSize: 2 }, execute: true },
  { pool: 'avg', options: { nBits: 3, nAccumBits: 5, poolSize: 2 }, execute: true },
  { pool: 'avg', options: { nBits: 4, nAccumBits: 6, poolSize: 2 }, execute: true },
  { pool: 'avg', options: { nBits: 3 }, execute: false },
  { pool: 'avg', options: { nBits: 2, poolSize: 2 }, execute: true },
  { pool: 'max', options: { nBits: 3, nAccumBits: 5, poolSize: 2 }, execute: true },
  { pool: 'max', options: { nBits: 3 }, execute: false },
];

const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mib = (bytes) => Math.round(bytes / 2 ** 20);
const trained = {};
const rows = [];
for (const { pool, options, execute } of configurations) {
  trained[pool] ??= await trainCnn(pool);
  const { model, floatAccuracy } = trained[pool];
  let t = performance.now();
  const fhe = ml.compileTfjsModel(model, split.xTrain, options);
  const compileMs = performance.now() - t;
  const clear = fhe.predict(split.xTest);
  // a test image may drive an intermediate value outside what the training images reached: the
  // circuit refuses it in simulate (and would compute garbage encrypted); counted as wrong
  let outOfRange = 0;
  const simulated = split.xTest.map((x) => {
    try {
      return fhe.predict([x], { fhe: 'simulate' })[0];
    } catch (error) {
      if (error.name !== 'OutOfBoundsError') throw error;
      outOfRange++;
      return -1;
    }
  });
  const stats = fhe.circuit.statistics;
  const row = {
    model: `CNN ${pool}-pool`,
    options: Object.fromEntries(Object.entries(options).filter(([k]) => k !== 'poolSize')),
    floatAccuracy,
    quantizedAccuracy: ml.accuracyScore(split.yTest, clear),
    simulateAccuracy: ml.accuracyScore(split.yTest, simulated),
    simulateOutOfRange: outOfRange,
    simulateEqualsClear: simulated.every((p, i) => p === clear[i] || p === -1),
    compileMs: Math.round(compileMs),
    precision: stats.precision,
    lookups: stats.lookups,
    lookupsPerPrecision: stats.lookupsPerPrecision,
    parameters: fhe.circuit.parameters.name,
    bootstrapKeyMiB: mib(stats.bootstrapKeyBytes),
    keyswitchKeyMiB: mib(stats.keyswitchKeyBytes),
    estimatedMs: Math.round(stats.estimatedLatencyMs),
  };
  if (execute) {
    t = performance.now();
    await fhe.circuit.keygen();
    row.keygenMs = Math.round(performance.now() - t);
    const latencies = [];
    let agree = 0;
    for (let i = 0; i < samples; i++) {
      t = performance.now();
      const [encrypted] = await fhe.predict([split.xTest[i]], { fhe: 'execute' });
      latencies.push(performance.now() - t);
      if (encrypted === clear[i]) agree++;
    }
    row.executeSamples = samples;
    row.executeAgreement = agree / samples;
    row.executeMedianMs = Math.round(median(latencies));
  }
  await fhe.dispose();
  rows.push(row);
  console.error(`${row.model} ${JSON.stringify(row.options)} done`);
}

const pct = (x) => (x === undefined ? '-' : `${(100 * x).toFixed(1)}`);
console.log('| model | options | float % | quantized % | simulate % (out of range) | P | lookups (per precision) | keys MiB (bsk+ksk) | keygen ms | execute ms/sample (agree) | estimated ms |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const exec = r.executeMedianMs === undefined ? '-' : `${r.executeMedianMs} (${r.executeAgreement * r.executeSamples}/${r.executeSamples})`;
  console.log(
    `| ${r.model} | ${JSON.stringify(r.options)} | ${pct(r.floatAccuracy)} | ${pct(r.quantizedAccuracy)} | ${pct(r.simulateAccuracy)} (${r.simulateOutOfRange}) | ${r.precision} | ${r.lookups} ${JSON.stringify(r.lookupsPerPrecision)} | ${r.bootstrapKeyMiB}+${r.keyswitchKeyMiB} | ${r.keygenMs ?? '-'} | ${exec} | ${r.estimatedMs} |`,
  );
}
writeFileSync(new URL('./tfjs-results.json', import.meta.url), `${JSON.stringify({ date: new Date().toISOString(), quick, rows }, null, 2)}\n`);
