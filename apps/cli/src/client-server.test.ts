import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAnyModel, type FheModel } from '@cml/ml';
import { readCsvMatrix } from './commands/csv.js';
import { KEY_FILES } from './files/key-files.js';
import { cml, cmlAsync, expectUserError } from './__fixtures__/run-cml.js';

let root: string;
/** Deployment directory of a decision tree (lookups on the server) and the library's view of it. */
let dir: string;
let fhe: FheModel;
let rows: number[][];
let keys: string;
const at = (name: string): string => join(root, name);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cml-files-'));
  dir = at('tree');
  keys = at('keys');
  expect(cml('train', '--model', 'dt', '--out', at('tree.json'), '--inputset-out', at('train.csv'), '--test-out', at('test.csv')).status).toBe(0);
  expect(cml('compile', '--model', at('tree.json'), '--inputset', at('train.csv'), '--out', dir).status).toBe(0);
  // The library's view: the same model.json compiled on the same inputset in this process.
  const fitted = loadAnyModel(await readFile(at('tree.json'), 'utf8')) as unknown as { compile(X: number[][]): FheModel };
  fhe = fitted.compile(await readCsvMatrix(at('train.csv')));
  rows = (await readCsvMatrix(at('test.csv'))).slice(0, 3).map((r) => r.slice(0, -1));
  await writeFile(at('rows.csv'), rows.map((r) => r.join(',')).join('\n'));
  await writeFile(at('rows.json'), JSON.stringify(rows));
  const keygen = await cmlAsync('keygen', '--dir', dir, '--out', keys);
  expect(keygen.stderr).toBe('');
  expect(keygen.status).toBe(0);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('compile -> keygen -> encrypt -> run -> decrypt, one process each, through files', () => {
  it('keygen writes a private secret key and the evaluation keys for the server', async () => {
    expect((await stat(join(keys, KEY_FILES.secret))).mode & 0o777).toBe(0o600);
    expect((await stat(join(keys, KEY_FILES.evaluation))).size).toBeGreaterThan(1e6);
  });

  it('gives the library predictions and scores; the server side holds server.bin and evaluation keys only', async () => {
    // What the server holds: a directory with server.bin alone and the evaluation-key file.
    const serverDir = at('server-side');
    await mkdir(serverDir);
    await copyFile(join(dir, 'server.bin'), join(serverDir, 'server.bin'));
    await copyFile(join(keys, KEY_FILES.evaluation), join(serverDir, 'keys.bin'));

    expect(cml('encrypt', '--dir', dir, '--keys', keys, '--input', at('rows.csv'), '--out', at('rows.enc')).stdout).toMatch(/^encrypted 3 rows into /);
    const run = await cmlAsync('run', '--dir', serverDir, '--keys', join(serverDir, 'keys.bin'), '--input', at('rows.enc'), '--out', at('results.enc'));
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^ran 3 encrypted rows in [\d.]+ s \(\d+ ms per row\)/);
    const decrypted = cml('decrypt', '--dir', dir, '--keys', keys, '--input', at('results.enc'), '--json');
    expect(decrypted.status).toBe(0);
    const results = JSON.parse(decrypted.stdout) as { prediction: number; scores: number[]; probabilities: number[] | null }[];
    expect(results.map((r) => r.prediction)).toEqual(fhe.predict(rows));
    expect(results.map((r) => r.scores)).toEqual(fhe.scores(rows));
    for (const r of results) expect(r.probabilities?.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);

    const text = cml('decrypt', '--dir', dir, '--keys', keys, '--input', at('results.enc')).stdout.trim().split('\n');
    expect(text[0]).toBe('prediction,probability_0,probability_1');
    expect(text.slice(1).map((line) => Number(line.split(',')[0]))).toEqual(fhe.predict(rows));
  });

  it('reads JSON rows as well as CSV, and a keys directory for the server', async () => {
    expect(cml('encrypt', '--dir', dir, '--keys', keys, '--input', at('rows.json'), '--out', at('json.enc')).status).toBe(0);
    expect((await cmlAsync('run', '--dir', dir, '--keys', keys, '--input', at('json.enc'), '--out', at('json-results.enc'))).status).toBe(0);
    const decrypted = cml('decrypt', '--dir', dir, '--keys', keys, '--input', at('json-results.enc'), '--json');
    expect((JSON.parse(decrypted.stdout) as { prediction: number }[]).map((r) => r.prediction)).toEqual(fhe.predict(rows));
  });
});

describe('bad arguments and bad files: one line, exit code 1', () => {
  let encrypted: Uint8Array;
  beforeAll(async () => {
    expect(cml('encrypt', '--dir', dir, '--keys', keys, '--input', at('rows.csv'), '--out', at('bad-base.enc')).status).toBe(0);
    encrypted = new Uint8Array(await readFile(at('bad-base.enc')));
  });
  const run = (input: string, keyPath = keys) => cml('run', '--dir', dir, '--keys', keyPath, '--input', input, '--out', at('never.enc'));

  it('refuses missing options and missing files by name', () => {
    expectUserError(cml('keygen', '--dir', dir), /required option '--out <dir>'/);
    expectUserError(cml('encrypt', '--dir', dir, '--keys', at('no-keys'), '--input', at('rows.csv'), '--out', at('x.enc')), /cannot read secret key .*no-keys.*secret-key\.bin: ENOENT/);
    expectUserError(cml('keygen', '--dir', at('nowhere'), '--out', at('k')), /has no readable client\.json/);
    expectUserError(run(at('missing.enc')), /cannot read encrypted rows .*missing\.enc: ENOENT/);
    expectUserError(run(at('bad-base.enc'), at('no-keys')), /cannot read evaluation keys .*no-keys/);
  });

  it('refuses rows of the wrong width and unreadable row files', async () => {
    await writeFile(at('short.json'), '[[1, 2, 3]]');
    expectUserError(cml('encrypt', '--dir', dir, '--keys', keys, '--input', at('short.json'), '--out', at('x.enc')), /30/);
    await writeFile(at('strings.json'), '[["a"]]');
    expectUserError(cml('encrypt', '--dir', dir, '--keys', keys, '--input', at('strings.json'), '--out', at('x.enc')), /row 1 is not a list of finite numbers/);
  });

  it('refuses truncated files, a wrong magic, results given as inputs and altered ciphertexts', async () => {
    await writeFile(at('truncated.enc'), encrypted.subarray(0, encrypted.length - 100));
    expectUserError(run(at('truncated.enc')), /truncated\.enc is truncated: entry 3 of 3/);
    const magic = encrypted.slice();
    magic.set([0x50, 0x4b], 0);
    await writeFile(at('magic.enc'), magic);
    expectUserError(run(at('magic.enc')), /is not a cml batch file/);
    expectUserError(cml('decrypt', '--dir', dir, '--keys', keys, '--input', at('bad-base.enc')), /holds encrypted inputs, expected encrypted results/);
    const altered = encrypted.slice();
    altered[encrypted.length - 40] = (altered[encrypted.length - 40] as number) ^ 1;
    await writeFile(at('altered.enc'), altered);
    expectUserError(run(at('altered.enc')), /checksum does not match/);
    expectUserError(run(at('bad-base.enc'), join(keys, KEY_FILES.secret)), /evaluation keys/);
  });

  it('refuses keys of another model, and rows and results of another key generation', async () => {
    const other = at('other');
    expect(cml('train', '--model', 'lr', '--out', at('lr.json'), '--inputset-out', at('lr-train.csv')).status).toBe(0);
    expect(cml('compile', '--model', at('lr.json'), '--inputset', at('lr-train.csv'), '--out', other).status).toBe(0);
    expect(cml('keygen', '--dir', other, '--out', at('other-keys')).status).toBe(0);
    // Keys are not replaced by accident; --force replaces them (and keeps the secret file private).
    expectUserError(cml('keygen', '--dir', other, '--out', at('other-keys')), /secret-key\.bin already exists: .*pass --force/);
    await chmod(join(at('other-keys'), KEY_FILES.secret), 0o644);
    const before = await readFile(join(at('other-keys'), KEY_FILES.secret));
    expect(cml('keygen', '--dir', other, '--out', at('other-keys'), '--force').status).toBe(0);
    expect(await readFile(join(at('other-keys'), KEY_FILES.secret))).not.toEqual(before);
    expect((await stat(join(at('other-keys'), KEY_FILES.secret))).mode & 0o777).toBe(0o600);
    expectUserError(cml('encrypt', '--dir', dir, '--keys', at('other-keys'), '--input', at('rows.csv'), '--out', at('x.enc')), /secret key belongs to circuit/);
    expectUserError(run(at('bad-base.enc'), at('other-keys')), /evaluation keys/);
    // Inputs for the tree run by the other model's server.
    expectUserError(cml('run', '--dir', other, '--keys', at('other-keys'), '--input', at('bad-base.enc'), '--out', at('x.enc')), /cannot be read with|encrypted for circuit/);
    // A second key generation for the same model: rows and results of the first keys are refused.
    expect((await cmlAsync('keygen', '--dir', dir, '--out', at('second-keys'))).status).toBe(0);
    expectUserError(run(at('bad-base.enc'), at('second-keys')), /arguments were encrypted under keys \w+, the evaluation keys given are \w+/);
    expectUserError(cml('decrypt', '--dir', dir, '--keys', at('second-keys'), '--input', at('results.enc')), /results were computed with keys \w+, not this client's keys/);
    // The tree's secret key beside the other model's evaluation keys.
    const mixed = at('mixed-keys');
    await mkdir(mixed);
    await copyFile(join(keys, KEY_FILES.secret), join(mixed, KEY_FILES.secret));
    await copyFile(join(at('other-keys'), KEY_FILES.evaluation), join(mixed, KEY_FILES.evaluation));
    expectUserError(cml('decrypt', '--dir', dir, '--keys', mixed, '--input', at('results.enc')), /evaluation keys of another model: .*parameter set/);
  });
});
