import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FheModel } from '@cml/ml';
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { isTfjsModelJson } from '../files/tfjs-model-dir.js';
import type { Write } from '../program.js';
import { readCsvMatrix } from './csv.js';

/** File the CLI adds to a deployment directory: what `cml inspect` shows (no secret, no key). */
export const INSPECT_FILE = 'inspect.json';

export interface InspectReport {
  readonly model: string;
  readonly graph: string;
  readonly parameters: unknown;
  readonly statistics: unknown;
}

interface CompileOptions {
  readonly model: string;
  readonly inputset: string;
  readonly out: string;
  readonly nBits?: string;
  readonly nAccumBits?: string;
  readonly pError?: string;
}

/** Bits a TensorFlow.js model's inputs, weights and activations get when --n-bits is not given. */
const TFJS_DEFAULT_BITS = 3;

function parseNumberOption(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n)) throw new UserError(`${name} must be a number, got '${text}'`);
  return n;
}

/** A model.json holding a cml dump, or a TensorFlow.js LayersModel (its directory or its model.json). */
async function isTfjsModel(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) throw new UserError(`cannot read ${path}: no such file`);
  if (info.isDirectory()) return true;
  try {
    return isTfjsModelJson(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    return false; // readModelFile reports what is wrong with it
  }
}

async function compileModel(options: CompileOptions, inputset: number[][]): Promise<FheModel> {
  const nBits = parseNumberOption(options.nBits, '--n-bits');
  const nAccumBits = parseNumberOption(options.nAccumBits, '--n-accum-bits');
  const pError = parseNumberOption(options.pError, '--p-error');
  const common = { ...(pError === undefined ? {} : { pError }) };
  if (await isTfjsModel(options.model)) {
    const { loadTfjsModelDir } = await import('../files/tfjs-model-dir.js');
    const { compileTfjsModel } = await import('@cml/ml');
    const model = await loadTfjsModelDir(options.model);
    try {
      return compileTfjsModel(model, inputset, { ...common, nBits: nBits ?? TFJS_DEFAULT_BITS, ...(nAccumBits === undefined ? {} : { nAccumBits }) });
    } finally {
      model.dispose();
    }
  }
  if (nAccumBits !== undefined) throw new UserError('--n-accum-bits applies to TensorFlow.js models only');
  const { readModelFile } = await import('./model-file.js');
  const model = await readModelFile(options.model);
  return model.compile(inputset, { ...common, ...(nBits === undefined ? {} : { nBits }) });
}

/** `cml compile`: quantize and compile a model on an inputset, write the deployment directory (FHEModelDev). */
export function registerCompile(program: Command, write: Write): void {
  program
    .command('compile')
    .description('Quantize and compile a model (a cml model.json or a TensorFlow.js model directory) on an inputset; write the deployment directory')
    .requiredOption('--model <path>', "model.json (a model's dump(), e.g. from `cml train`), or a TensorFlow.js LayersModel directory (model.json + weight files)")
    .requiredOption('--inputset <csv>', 'calibration samples, one per line (e.g. the training features; images flattened channels-last)')
    .requiredOption('--out <dir>', 'deployment directory to write (client.json, client.bin, server.bin, inspect.json)')
    .option('--n-bits <n>', `bits of the quantized inputs (TensorFlow.js models: also weights and activations; default ${TFJS_DEFAULT_BITS})`)
    .option('--n-accum-bits <n>', 'TensorFlow.js models: round accumulators to this many bits before each lookup')
    .option('--p-error <p>', 'failure probability of one table lookup')
    .action(async (options: CompileOptions) => {
      const { FHEModelDev } = await import('@cml/ml');
      const { format } = await import('@cml/tracer');
      const inputset = await readCsvMatrix(options.inputset);
      const fhe = await compileModel(options, inputset);
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
}
