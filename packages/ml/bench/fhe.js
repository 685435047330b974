// FHE benchmark on breast_cancer (stratified 80/20 split, random state 0): for each model,
// float accuracy, quantized clear accuracy (fhe: 'disable'), simulated accuracy on the whole
// test split, encrypted (fhe: 'execute') agreement and median latency on a few samples,
// lookups per precision, key sizes and key generation time. Runs on the built package (dist/).
// Writes a table to stdout and JSON to bench/results.json. `--quick` runs one encrypted sample per model.
import { writeFileSync } from 'node:fs';
import * as ml from '../dist/index.js';

const quick = process.argv.includes('--quick');
const { data, target } = await ml.loadBreastCancer();
const split = ml.trainTestSplit(data, target, { testSize: 0.2, randomState: 0, stratify: target });
const scaler = new ml.StandardScaler().fit(split.xTrain);
const scaled = { xTrain: scaler.transform(split.xTrain), xTest: scaler.transform(split.xTest) };

// Linear models behind a StandardScaler (run in the clear before quantization), trees on raw features.
const models = [
  { name: 'LogisticRegression', make: () => new ml.LogisticRegression(), scaled: true, options: {}, samples: quick ? 3 : 20 },
  { name: 'DecisionTreeClassifier(depth 5)', make: () => new ml.DecisionTreeClassifier({ maxDepth: 5, randomState: 0 }), scaled: false, options: { nBits: 4 }, samples: quick ? 1 : 3 },
  { name: 'RandomForestClassifier(50, depth 5)', make: () => new ml.RandomForestClassifier({ nEstimators: 50, maxDepth: 5, randomState: 0 }), scaled: false, options: { nBits: 4 }, samples: 1 },
  { name: 'XGBClassifier(50, depth 3)', make: () => new ml.XGBClassifier({ nEstimators: 50, maxDepth: 3 }), scaled: false, options: { nBits: 4 }, samples: 1 },
];

const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mib = (bytes) => Math.round(bytes / 2 ** 20);
const rows = [];
for (const { name, make, scaled: useScaled, options, samples } of models) {
  const { xTrain, xTest } = useScaled ? scaled : split;
  const model = make().fit(xTrain, split.yTrain);
  let t = performance.now();
  const fhe = model.compile(xTrain, options);
  const compileMs = performance.now() - t;
  const clear = fhe.predict(xTest);
  const simulated = fhe.predict(xTest, { fhe: 'simulate' });
  t = performance.now();
  await fhe.circuit.keygen();
  const keygenMs = performance.now() - t;
  const latencies = [];
  let agree = 0;
  for (let i = 0; i < samples; i++) {
    t = performance.now();
    const [encrypted] = await fhe.predict([xTest[i]], { fhe: 'execute' });
    latencies.push(performance.now() - t);
    if (encrypted === clear[i]) agree++;
  }
  const stats = fhe.circuit.statistics;
  rows.push({
    model: name,
    floatAccuracy: ml.accuracyScore(split.yTest, model.predict(xTest)),
    quantizedAccuracy: ml.accuracyScore(split.yTest, clear),
    simulateAccuracy: ml.accuracyScore(split.yTest, simulated),
    simulateEqualsClear: simulated.every((v, i) => v === clear[i]),
    executeAgreement: `${agree}/${samples}`,
    msPerSample: Math.round(median(latencies)),
    precision: stats.precision,
    lookups: stats.lookups,
    lookupsPerPrecision: stats.lookupsPerPrecision,
    outputs: fhe.spec.outputCount,
    bootstrapKeyMiB: mib(stats.bootstrapKeyBytes),
    keyswitchKeyMiB: mib(stats.keyswitchKeyBytes),
    keygenMs: Math.round(keygenMs),
    compileMs: Math.round(compileMs),
    options,
  });
  await fhe.dispose();
  const r = rows[rows.length - 1];
  console.error(`${name}: done (${r.msPerSample} ms/sample)`);
}

const fmt = (v) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : typeof v === 'object' ? JSON.stringify(v) : String(v));
const columns = ['model', 'floatAccuracy', 'quantizedAccuracy', 'simulateAccuracy', 'executeAgreement', 'msPerSample', 'precision', 'lookups', 'bootstrapKeyMiB', 'keyswitchKeyMiB', 'keygenMs', 'compileMs'];
console.log(`| ${columns.join(' | ')} |`);
console.log(`| ${columns.map(() => '---').join(' | ')} |`);
for (const r of rows) console.log(`| ${columns.map((c) => fmt(r[c])).join(' | ')} |`);
writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify({ date: new Date().toISOString(), quick, split: '80/20 stratified, randomState 0', rows }, null, 2) + '\n');
