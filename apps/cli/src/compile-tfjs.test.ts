import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { compileTfjsModel, FHEModelDev, loadIris, StandardScaler, type FheModel } from '@cml/ml';
import { cml, cmlAsync, expectUserError } from './__fixtures__/run-cml.js';

let root: string;
let modelDir: string;
let fhe: FheModel;
/** Parameter sets the library picks for the model's defaults (3 bits), unrounded and rounded to 4 bits. */
let unroundedParameters: string;
let roundedParameters: string;
let rows: number[][];
const at = (name: string): string => join(root, name);

/**
 * Saves a model as tfjs's file:// handler would (model.json + weight files), through a custom
 * save handler; the weights are split over two shards to exercise their concatenation.
 */
async function saveToDir(model: tf.LayersModel, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = new Uint8Array(artifacts.weightData as ArrayBuffer);
      const half = Math.floor(data.length / 8) * 4;
      await writeFile(join(dir, 'group1-shard1of2.bin'), data.subarray(0, half));
      await writeFile(join(dir, 'group1-shard2of2.bin'), data.subarray(half));
      const modelJson = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: [{ paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'], weights: artifacts.weightSpecs }],
      };
      await writeFile(join(dir, 'model.json'), JSON.stringify(modelJson));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
}

beforeAll(async () => {
  tf.env().set('PROD', true);
  root = await mkdtemp(join(tmpdir(), 'cml-tfjs-'));
  modelDir = at('iris-model');
  const iris = await loadIris();
  const x = new StandardScaler().fit(iris.data).transform(iris.data);
  const init = (seed: number) => tf.initializers.glorotUniform({ seed });
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [4], units: 6, activation: 'relu', kernelInitializer: init(1) }),
      tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: init(2) }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.05), loss: 'sparseCategoricalCrossentropy' });
  const xs = tf.tensor2d(x);
  const ys = tf.tensor1d(iris.target, 'float32');
  await model.fit(xs, ys, { epochs: 20, batchSize: 32, shuffle: false, verbose: 0 });
  tf.dispose([xs, ys]);
  await saveToDir(model, modelDir);
  // The library's view: the in-memory model compiled on the same inputset. 2 bits without
  // accumulator rounding keep lookups at 4 bits (fast keys) and encrypted results exact.
  fhe = compileTfjsModel(model, x, { nBits: 2 });
  unroundedParameters = compileTfjsModel(model, x, { nBits: 3 }).circuit.parameters.name;
  roundedParameters = compileTfjsModel(model, x, { nBits: 3, nAccumBits: 4 }).circuit.parameters.name;
  model.dispose();
  await writeFile(at('inputset.csv'), x.map((r) => r.join(',')).join('\n'));
  rows = [x[0]!, x[60]!, x[120]!];
  await writeFile(at('rows.csv'), rows.map((r) => r.join(',')).join('\n'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('cml compile --model <TensorFlow.js model directory>', () => {
  it('writes the deployment the library writes for the same model, and it runs encrypted through files', async () => {
    const dir = at('deployment');
    const compiled = cml('compile', '--model', modelDir, '--inputset', at('inputset.csv'), '--out', dir, '--n-bits', '2');
    expect(compiled.stderr).toBe('');
    expect(compiled.stdout).toMatch(/^compiled tfjs model .*: \d+ bootstraps per sample/);
    const expected = new FHEModelDev(dir, fhe).artifacts();
    expect(JSON.parse(await readFile(join(dir, 'client.json'), 'utf8'))).toEqual(JSON.parse(new TextDecoder().decode(expected['client.json'])));
    expect(new Uint8Array(await readFile(join(dir, 'server.bin')))).toEqual(expected['server.bin']);

    expect((await cmlAsync('keygen', '--dir', dir, '--out', at('keys'))).status).toBe(0);
    expect(cml('encrypt', '--dir', dir, '--keys', at('keys'), '--input', at('rows.csv'), '--out', at('rows.enc')).status).toBe(0);
    expect((await cmlAsync('run', '--dir', dir, '--keys', at('keys'), '--input', at('rows.enc'), '--out', at('results.enc'))).status).toBe(0);
    const decrypted = cml('decrypt', '--dir', dir, '--keys', at('keys'), '--input', at('results.enc'), '--json');
    const results = JSON.parse(decrypted.stdout) as { prediction: number; probabilities: number[] }[];
    expect(results.map((r) => r.prediction)).toEqual(fhe.predict(rows));
    expect(results.map((r) => r.probabilities)).toEqual(fhe.predictProba(rows));
  });

  it('accepts the model.json path as well as its directory, and rounds accumulators with --n-accum-bits', async () => {
    const result = cml('compile', '--model', join(modelDir, 'model.json'), '--inputset', at('inputset.csv'), '--out', at('rounded'), '--n-accum-bits', '4');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/compiled tfjs model/);
    const report = JSON.parse(await readFile(join(at('rounded'), 'inspect.json'), 'utf8')) as { parameters: { name: string } };
    // The library's choice for the same options (the compiler may add a bit to align the rounded
    // boxes), and smaller lookups than without rounding.
    expect(report.parameters.name).toBe(roundedParameters);
    const lookupBits = (name: string): number => Number(/^optimized-p(\d+)-/.exec(name)?.[1]);
    expect(lookupBits(roundedParameters)).toBeLessThanOrEqual(5);
    expect(lookupBits(roundedParameters)).toBeLessThan(lookupBits(unroundedParameters));
  });

  it('refuses incomplete model directories and unsupported layers with one line', async () => {
    const broken = at('broken');
    await mkdir(broken);
    expectUserError(cml('compile', '--model', broken, '--inputset', at('inputset.csv'), '--out', at('x')), /broken has no model\.json/);
    await writeFile(join(broken, 'model.json'), await readFile(join(modelDir, 'model.json')));
    expectUserError(cml('compile', '--model', broken, '--inputset', at('inputset.csv'), '--out', at('x')), /cannot read weight file .*group1-shard1of2\.bin: ENOENT/);
    await writeFile(join(broken, 'group1-shard1of2.bin'), await readFile(join(modelDir, 'group1-shard1of2.bin')));
    await writeFile(join(broken, 'group1-shard2of2.bin'), (await readFile(join(modelDir, 'group1-shard2of2.bin'))).subarray(8));
    expectUserError(cml('compile', '--model', broken, '--inputset', at('inputset.csv'), '--out', at('x')), /the weight files hold \d+ bytes, the manifest describes \d+/);
    await writeFile(join(broken, 'model.json'), '{"modelTopology": null}');
    expectUserError(cml('compile', '--model', broken, '--inputset', at('inputset.csv'), '--out', at('x')), /has no modelTopology/);

    const lstmDir = at('lstm');
    const lstm = tf.sequential({ layers: [tf.layers.lstm({ inputShape: [2, 2], units: 2 }), tf.layers.dense({ units: 2 })] });
    await saveToDir(lstm, lstmDir);
    lstm.dispose();
    expectUserError(cml('compile', '--model', lstmDir, '--inputset', at('inputset.csv'), '--out', at('x')), /LSTM/);
    expectUserError(cml('compile', '--model', modelDir, '--inputset', at('inputset.csv'), '--out', at('x'), '--n-bits', 'three'), /--n-bits must be a number/);
  });
});
