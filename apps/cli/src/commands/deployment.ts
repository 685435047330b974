import { writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import type { Write } from '../program.js';
import { progressBar } from '../progress.js';
import { readCsvMatrix, writeCsv } from './csv.js';

/** File the CLI adds to a deployment directory: what `cml inspect` shows (no secret, no key). */
export const INSPECT_FILE = 'inspect.json';

export interface InspectReport {
  readonly model: string;
  readonly graph: string;
  readonly parameters: unknown;
  readonly statistics: unknown;
}

function parseNumberOption(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n)) throw new UserError(`${name} must be a number, got '${text}'`);
  return n;
}

/** compile (FHEModelDev) and predict (FHEModelClient + FHEModelServer through ciphertext bytes). */
export function registerDeploymentCommands(program: Command, write: Write): void {
  program
    .command('compile')
    .description('Quantize and compile a model.json on an inputset; write the deployment directory')
    .requiredOption('--model <file>', "model.json (a model's dump(), e.g. from `cml train`)")
    .requiredOption('--inputset <csv>', 'calibration samples, one per line (e.g. the training features)')
    .requiredOption('--out <dir>', 'deployment directory to write (client.json, client.bin, server.bin, inspect.json)')
    .option('--n-bits <n>', 'bits of every quantized input feature')
    .option('--p-error <p>', 'failure probability of one table lookup')
    .action(async (options: { model: string; inputset: string; out: string; nBits?: string; pError?: string }) => {
      const { readModelFile } = await import('./model-file.js');
      const { FHEModelDev } = await import('@cml/ml');
      const { format } = await import('@cml/tracer');
      const model = await readModelFile(options.model);
      const inputset = await readCsvMatrix(options.inputset);
      const nBits = parseNumberOption(options.nBits, '--n-bits');
      const pError = parseNumberOption(options.pError, '--p-error');
      const fhe = model.compile(inputset, { ...(nBits === undefined ? {} : { nBits }), ...(pError === undefined ? {} : { pError }) });
      await new FHEModelDev(options.out, fhe).save();
      const { circuit } = fhe;
      const report: InspectReport = {
        model: fhe.spec.modelName,
        graph: format(circuit.graph, circuit.bounds),
        parameters: circuit.parameters,
        statistics: circuit.statistics,
      };
      await writeFile(join(options.out, INSPECT_FILE), JSON.stringify(report, null, 2));
      write(`compiled ${fhe.spec.modelName}: ${circuit.statistics.bootstraps} bootstraps per sample, parameters ${circuit.parameters.name}; wrote ${options.out}`);
    });

  program
    .command('predict')
    .description('Client and server roles through bytes: keygen, encrypt each row, run on the server, decrypt')
    .requiredOption('--dir <dir>', 'deployment directory written by `cml compile`')
    .requiredOption('--inputs <csv>', 'samples to predict, one per line (extra trailing columns are refused)')
    .option('--out <csv>', 'write prediction,scores... per line here instead of stdout')
    .option('--ciphertexts <dir>', 'also keep each encrypted input and result as files here')
    .option('--json', 'machine-readable output (no progress bars)')
    .action(async (options: { dir: string; inputs: string; out?: string; ciphertexts?: string; json?: boolean }) => {
      const rows = await readCsvMatrix(options.inputs);
      const { FHEModelClient, FHEModelServer } = await import('@cml/ml');
      const client = new FHEModelClient(options.dir);
      const server = await new FHEModelServer(options.dir).load();
      const progress = progressBar(!options.json);
      try {
        progress.start('keygen', 1);
        await client.generatePrivateAndEvaluationKeys();
        progress.increment();
        progress.stop();
        // The server only ever sees bytes: the evaluation keys and each encrypted sample.
        const evaluationKeys = client.getSerializedEvaluationKeys();
        if (options.ciphertexts) await writeFile(join(options.ciphertexts, 'evaluation-keys.bin'), evaluationKeys);
        progress.start('encrypted runs', rows.length);
        const results: { prediction: number; scores: number[] }[] = [];
        for (const [i, x] of rows.entries()) {
          const encrypted = client.quantizeEncryptSerialize(x);
          const output = await server.run(encrypted, evaluationKeys);
          if (options.ciphertexts) {
            await writeFile(join(options.ciphertexts, `input-${i}.bin`), encrypted);
            await writeFile(join(options.ciphertexts, `result-${i}.bin`), output);
          }
          const result = await client.deserializeDecryptDequantize(await readBack(output, options.ciphertexts, i));
          results.push({ prediction: result.prediction, scores: result.scores });
          progress.increment();
        }
        progress.stop();
        if (options.json) write(JSON.stringify(results));
        else if (options.out) await writeCsv(options.out, results.map((r) => [r.prediction, ...r.scores]));
        else write(results.map((r) => [r.prediction, ...r.scores].join(',')).join('\n'));
      } finally {
        progress.stop();
        client.dispose();
      }
    });
}

/** When ciphertexts go through files, the client decrypts what it reads back from disk. */
async function readBack(bytes: Uint8Array, dir: string | undefined, i: number): Promise<Uint8Array> {
  return dir === undefined ? bytes : new Uint8Array(await readFile(join(dir, `result-${i}.bin`)));
}
