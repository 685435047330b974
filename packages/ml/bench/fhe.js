// FHE benchmark (stratified 80/20 split, random state 0): for each model, float accuracy,
// quantized clear accuracy (fhe: 'disable'), simulated accuracy on the whole test split,
// encrypted (fhe: 'execute') agreement and median latency on a few samples, lookups per
// precision, key sizes and key generation time. breast_cancer for every model, digits for the
// MLP. Runs on the built package (dist/). Writes a table to stdout and JSON to
// bench/results.json. `--quick` runs one encrypted sample per model; `--models a,b` runs only
// the rows whose name starts with one of the prefixes (other rows of results.json are kept).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as ml from '../dist/index.js';

const quick = process.argv.includes('--quick');
const modelsFlag = process.argv.indexOf('--models');
const only = modelsFlag > 0 ? (process.argv[modelsFlag + 1] ?? '').split(',').filter(Boolean) : undefined;

async function splitOf(load, Scaler) {
  const { data, target } = await load();
  const split = ml.trainTestSplit(data, target, { testSize: 0.2, randomState: 0, stratify: target });
  const scaler = new Scaler().fit(split.xTrain);
  return { ...split, scaled: { xTrain: scaler.transform(split.xTrain), xTest: scaler.transform(split.xTest) } };
}
// Digits' pixels go through a MinMaxScaler: standardizing rare pixels gives them ranges many times
// wider than the others', and per-feature input scales folded into per-neuron weight scales then
// round most weights of a neuron to 0 (quantized accuracy 60 % instead of 94 %).
const datasets = { breast_cancer: () => splitOf(ml.loadBreastCancer, ml.StandardScaler), digits: () => splitOf(ml.loadDigits, ml.MinMaxScaler) };

// Linear models and MLPs behind a scaler (run in the clear before quantization), trees on raw features.
// MLPs use the default FHE bits (nWBits 4, nABits 4, nAccumBits 5) and spread each layer's lookups over 2 workers.
const mlp = () => new ml.NeuralNetClassifier({ hiddenLayerSizes: [32, 32], randomState: 0 });
const models = [
  { name: 'LogisticRegression', dataset: 'breast_cancer', make: () => new ml.LogisticRegression(), scaled: true, options: {}, samples: quick ? 3 : 20 },
  { name: 'DecisionTreeClassifier(depth 5)', dataset: 'breast_cancer', make: () => new ml.DecisionTreeClassifier({ maxDepth: 5, randomState: 0 }), scaled: false, options: { nBits: 4 }, samples: quick ? 1 : 3 },
  { name: 'RandomForestClassifier(50, depth 5)', dataset: 'breast_cancer', make: () => new ml.RandomForestClassifier({ nEstimators: 50, maxDepth: 5, randomState: 0 }), scaled: false, options: { nBits: 4 }, samples: 1 },
  { name: 'XGBClassifier(50, depth 3)', dataset: 'breast_cancer', make: () => new ml.XGBClassifier({ nEstimators: 50, maxDepth: 3 }), scaled: false, options: { nBits: 4 }, samples: 1 },
  { name: 'NeuralNetClassifier(32, 32)', dataset: 'breast_cancer', make: mlp, scaled: true, options: { poolSize: 2 }, samples: quick ? 1 : 3 },
  { name: 'NeuralNetClassifier(32, 32) digits', dataset: 'digits', make: mlp, scaled: true, options: { poolSize: 2 }, samples: quick ? 1 : 3 },
];

const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mib = (bytes) => Math.round(bytes / 2 ** 20);
const rows = [];
const loaded = {};
for (const { name, dataset, make, scaled: useScaled, options, samples } of models.filter((m) => only === undefined || only.some((p) => m.name.startsWith(p)))) {
  loaded[dataset] ??= await datasets[dataset]();
  const split = loaded[dataset];
  const { xTrain, xTest } = useScaled ? split.scaled : split;
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
    dataset,
    floatAccuracy: ml.accuracyScore(split.yTest, model.predict(xTest)),
    quantizedAccuracy: ml.accuracyScore(split.yTest, clear),
    simulateAccuracy: ml.accuracyScore(split.yTest, simulated),
    simulateEqualsClear: simulated.every((v, i) => v === clear[i]),
    executeAgreement: `${agree}/${samples}`,
    msPerSample: Math.round(median(latencies)),
    lookupPrecision: fhe.circuit.parameterReport.constraints.lookupPrecision,
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
const columns = ['model', 'dataset', 'floatAccuracy', 'quantizedAccuracy', 'simulateAccuracy', 'executeAgreement', 'msPerSample', 'precision', 'lookupsPerPrecision', 'bootstrapKeyMiB', 'keyswitchKeyMiB', 'keygenMs', 'compileMs'];
console.log(`| ${columns.join(' | ')} |`);
console.log(`| ${columns.map(() => '---').join(' | ')} |`);
for (const r of rows) console.log(`| ${columns.map((c) => fmt(r[c])).join(' | ')} |`);
const resultsUrl = new URL('./results.json', import.meta.url);
// A partial run (--models) replaces its own rows and keeps the others.
const previous = only !== undefined && existsSync(resultsUrl) ? JSON.parse(readFileSync(resultsUrl, 'utf8')).rows : [];
const merged = models.map((m) => rows.find((r) => r.model === m.name) ?? previous.find((r) => r.model === m.name)).filter(Boolean);
writeFileSync(resultsUrl, JSON.stringify({ date: new Date().toISOString(), quick, split: '80/20 stratified, randomState 0', rows: merged }, null, 2) + '\n');
