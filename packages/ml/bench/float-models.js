// Float (clear) training benchmark on breast_cancer: the protocol (stratified 5-fold
// CV repeated 3 times) for each classifier, next to scikit-learn 1.2's accuracy on the same
// protocol, plus median fit time and prediction latency. Runs on the built package (dist/).
// Writes a table to stdout and JSON to bench/float-results.json. `--quick` uses one 5-fold.
import { readFileSync, writeFileSync } from 'node:fs';
import * as ml from '../dist/index.js';

const quick = process.argv.includes('--quick');
const reference = JSON.parse(readFileSync(new URL('../src/__fixtures__/sklearn-cv.json', import.meta.url), 'utf8'));
const sklearn = quick ? reference.stratifiedKFold5 : reference.repeatedStratifiedKFold5x3;

const models = {
  LogisticRegression: () => ml.makePipeline(new ml.StandardScaler(), new ml.LogisticRegression()),
  LinearSVC: () => ml.makePipeline(new ml.StandardScaler(), new ml.LinearSVC()),
  DecisionTreeClassifier: () => new ml.DecisionTreeClassifier({ maxDepth: 5, randomState: 0 }),
  RandomForestClassifier: () => new ml.RandomForestClassifier({ nEstimators: 50, maxDepth: 5, randomState: 0 }),
  XGBClassifier: () => new ml.XGBClassifier({ nEstimators: 50, maxDepth: 3 }),
  NeuralNetClassifier: () => ml.makePipeline(new ml.StandardScaler(), new ml.NeuralNetClassifier({ hiddenLayerSizes: [32, 32], randomState: 0 })),
};

const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
const { data, target } = await ml.loadBreastCancer();
const cv = quick ? new ml.StratifiedKFold({ nSplits: 5 }) : new ml.RepeatedStratifiedKFold({ nSplits: 5, nRepeats: 3, randomState: 0 });
const folds = cv.split(data.length, target);
const rows = [];
for (const [name, make] of Object.entries(models)) {
  const fitMs = [];
  const predictUs = [];
  const foldAccuracy = [];
  for (const { train, test } of folds) {
    const model = make();
    let t = performance.now();
    model.fit(train.map((i) => data[i]), train.map((i) => target[i]));
    fitMs.push(performance.now() - t);
    t = performance.now();
    const predictions = model.predict(test.map((i) => data[i]));
    predictUs.push(((performance.now() - t) * 1000) / test.length);
    foldAccuracy.push(ml.accuracyScore(test.map((i) => target[i]), predictions));
  }
  rows.push({
    model: name,
    // Mean of per-fold accuracies, as sklearn's cross_val_score(...).mean().
    accuracy: (100 * foldAccuracy.reduce((a, b) => a + b, 0)) / foldAccuracy.length,
    sklearnAccuracy: 100 * sklearn[name],
    fitMsMedian: median(fitMs),
    predictUsPerSampleMedian: median(predictUs),
  });
  const r = rows.at(-1);
  console.log(
    `${r.model.padEnd(24)} acc ${r.accuracy.toFixed(2).padStart(6)} %  sklearn ${r.sklearnAccuracy.toFixed(2).padStart(6)} %  ` +
      `fit ${r.fitMsMedian.toFixed(1).padStart(8)} ms  predict ${r.predictUsPerSampleMedian.toFixed(1).padStart(7)} µs/sample`,
  );
}
writeFileSync(
  new URL('./float-results.json', import.meta.url),
  JSON.stringify({ protocol: quick ? 'StratifiedKFold(5)' : 'RepeatedStratifiedKFold(5, 3, seed 0)', dataset: 'breast_cancer', rows }, null, 2) + '\n',
);
