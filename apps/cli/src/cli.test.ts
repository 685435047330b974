import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAnyModel, type FheModel } from '@cml/ml';
import { readCsvMatrix } from './commands/csv.js';
import { formatDemo } from './demo/report.js';
import type { DemoResult } from './demo/run-demo.js';
import { statusTable } from './status.js';
import { cml, cmlAsync, expectUserError } from './__fixtures__/run-cml.js';

const readme = fileURLToPath(new URL('../../../README.md', import.meta.url));

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cml-cli-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('cml demo', () => {
  it('--quick trains, compiles, runs encrypted samples and reports only measured numbers', async () => {
    const result = await cmlAsync('demo', '--quick', '--json');
    expect(result.status).toBe(0);
    // No progress bars when stderr is not a terminal.
    expect(result.stderr).toBe('');
    const demo = JSON.parse(result.stdout) as DemoResult;
    expect(demo.rows.map((r) => r.model)).toEqual(['LogisticRegression', 'DecisionTreeClassifier', 'NeuralNetClassifier']);
    expect(demo.trainSamples + demo.testSamples).toBe(569);
    for (const row of demo.rows) {
      expect(row.notCompilable).toBeUndefined();
      expect(row.encryptedSamples).toBe(2);
      // Encrypted predictions must equal the clear-quantized ones (failures are ~2^-40 events).
      expect(row.encryptedAgreement).toBe(2);
      expect(row.floatAccuracy).toBeGreaterThan(0.85);
      expect(row.fheSimulateAccuracy).toBeGreaterThan(0.8);
      expect(row.msPerEncryptedSample).toBeGreaterThan(0);
    }
    // Measured upload sizes: the linear model needs no bootstrap key (a seed frame), the others do.
    expect(demo.rows[0]?.evaluationKeyBytes).toBeGreaterThan(0);
    expect(demo.rows[0]?.evaluationKeyBytes).toBeLessThan(1024);
    expect(demo.rows[1]?.evaluationKeyBytes).toBeGreaterThan(1e6);
    expect(demo.rows[2]?.evaluationKeyBytes).toBeGreaterThan(1e6);
    expect(demo.rows[1]?.bootstrapsPerSample).toBeGreaterThan(0);
    expect(demo.rows[2]?.bootstrapsPerSample).toBeGreaterThan(0);
    const text = formatDemo(demo);
    expect(text).toContain('DecisionTreeClassifier');
    expect(text).toContain('2/2');
  });

  it('prints a model that does not compile to FHE as such instead of inventing numbers', () => {
    const row = { model: 'SomeModel', floatAccuracy: 0.9, notCompilable: 'SomeModel has no FHE lowering' };
    const text = formatDemo({ dataset: 'd', trainSamples: 1, testSamples: 1, rows: [row] });
    expect(text).toMatch(/SomeModel\s+90\.0%\s+not FHE-compilable/);
  });

  it('rejects unknown models and bad sample counts with one line and exit code 1', () => {
    expectUserError(cml('demo', '--models', 'lr,svm'), /unknown model 'svm'/);
    expectUserError(cml('demo', '--samples', '-1'), /--samples must be a non-negative integer/);
  });
});

describe('train -> compile -> inspect -> predict through files', () => {
  let dir: string;
  let fhe: FheModel;
  let test: number[][];

  beforeAll(async () => {
    dir = join(root, 'deploy');
    const model = join(root, 'model.json');
    const train = cml('train', '--model', 'dt', '--out', model, '--inputset-out', join(root, 'train.csv'), '--test-out', join(root, 'test.csv'));
    expect(train.status).toBe(0);
    const compiled = cml('compile', '--model', model, '--inputset', join(root, 'train.csv'), '--out', dir);
    expect(compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
    // The library's view: the same model.json compiled on the same inputset in this process.
    const fitted = loadAnyModel(await readFile(model, 'utf8')) as unknown as { compile(X: number[][]): FheModel };
    fhe = fitted.compile(await readCsvMatrix(join(root, 'train.csv')));
    test = (await readCsvMatrix(join(root, 'test.csv'))).slice(0, 3).map((r) => r.slice(0, -1));
    await writeFile(join(root, 'inputs.csv'), test.map((r) => r.join(',')).join('\n'));
  });

  it('writes the deployment directory and inspect shows graph, bit-widths, parameters and statistics', async () => {
    expect((await readdir(dir)).sort()).toEqual(['client.bin', 'client.json', 'inspect.json', 'server.bin']);
    const result = cml('inspect', dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(fhe.circuit.parameters.name);
    expect(result.stdout).toMatch(/uint\d+/);
    expect(result.stdout).toMatch(new RegExp(`bootstraps\\s+${fhe.circuit.statistics.bootstraps}\\n`));
    expect(result.stdout).toContain(`lookup`);
  });

  it('predict gives the library predictions and scores, with ciphertexts going through files', async () => {
    const ciphertexts = join(root, 'ciphertexts');
    await mkdir(ciphertexts);
    const result = await cmlAsync('predict', '--dir', dir, '--inputs', join(root, 'inputs.csv'), '--ciphertexts', ciphertexts, '--json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const predictions = JSON.parse(result.stdout) as { prediction: number; scores: number[] }[];
    expect(predictions.map((p) => p.prediction)).toEqual(fhe.predict(test));
    expect(predictions.map((p) => p.scores)).toEqual(fhe.scores(test));
    const files = await readdir(ciphertexts);
    expect(files).toContain('evaluation-keys.bin');
    expect(files.filter((f) => /^(input|result)-\d+\.bin$/.test(f))).toHaveLength(6);
  });

  it('bad files give one-line errors and exit code 1', async () => {
    expectUserError(cml('compile', '--model', join(root, 'missing.json'), '--inputset', join(root, 'train.csv'), '--out', join(root, 'x')), /cannot read .*missing\.json/);
    await writeFile(join(root, 'bad.csv'), '1,2,3\n4,oops,6\n');
    expectUserError(cml('compile', '--model', join(root, 'model.json'), '--inputset', join(root, 'bad.csv'), '--out', join(root, 'x')), /line 2 is not a row of numbers/);
    expectUserError(cml('compile', '--model', join(root, 'model.json'), '--inputset', join(root, 'bad.csv').replace('bad', 'train'), '--out', join(root, 'x'), '--n-bits', 'four'), /--n-bits must be a number/);
    await writeFile(join(root, 'not-json.json'), 'model');
    expectUserError(cml('compile', '--model', join(root, 'not-json.json'), '--inputset', join(root, 'train.csv'), '--out', join(root, 'x')), /is not JSON/);
    expectUserError(cml('compile', '--model', root, '--inputset', join(root, 'train.csv'), '--out', join(root, 'x')), /model\.json has no modelTopology: not a TensorFlow\.js LayersModel/);
    expectUserError(cml('inspect', join(root, 'nowhere')), /has no server\.bin/);
    expectUserError(cml('predict', '--dir', join(root, 'nowhere'), '--inputs', join(root, 'inputs.csv')), /has no readable server\.bin/);
    await writeFile(join(root, 'short.csv'), '1,2,3\n');
    expectUserError(await cmlAsync('predict', '--dir', dir, '--inputs', join(root, 'short.csv'), '--json'), /30/);
  });
});

describe('the cml command', () => {
  it('prints help for every command and exits 0', () => {
    for (const command of ['demo', 'train', 'compile', 'keygen', 'encrypt', 'run', 'decrypt', 'predict', 'inspect', 'serve', 'bench']) {
      const result = cml(command, '--help');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`Usage: cml ${command}`);
    }
  });

  it('rejects an unknown command and a missing option with exit code 1 and no stack trace', () => {
    expectUserError(cml('frobnicate'), /unknown command 'frobnicate'/);
    expectUserError(cml('compile', '--model', 'm.json'), /required option '--inputset <csv>'/);
    const verbose = cml('--verbose', 'inspect', join(root, 'nowhere'));
    expect(verbose.status).toBe(1);
    expect(verbose.stderr).toMatch(/has no server\.bin[^]*\n\s+at /);
  });

  it('bench --from-results summarizes the packages\' committed results in one table', () => {
    const result = cml('bench', '--from-results', '--packages', 'tfhe-wasm,compiler');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/@cml\/tfhe-wasm\s+bench\/results\.json\s+precisions/);
    expect(result.stdout).toMatch(/@cml\/compiler/);
    expectUserError(cml('bench', '--from-results', '--packages', 'nope'), /no package with a bench script named nope/);
  });
});

describe('README.md', () => {
  it('carries the same status table as the CLI', () => {
    expect(readFileSync(readme, 'utf8')).toContain(statusTable());
  });
});
