import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { isModelName, MODEL_NAMES } from '../demo/model-names.js';
import { UserError } from '../errors.js';
import type { Write } from '../program.js';
import { writeCsv } from './csv.js';

const DATASETS = ['breast_cancer', 'iris', 'wine'] as const;

interface TrainOptions {
  model: string;
  dataset: string;
  out: string;
  inputsetOut?: string;
  testOut?: string;
}

/** `cml train`: fits a model on a bundled dataset's training split and writes its dump (model.json for `cml compile`). */
export function registerTrain(program: Command, write: Write): void {
  program
    .command('train')
    .description('Train a model on a bundled dataset and write model.json (its dump)')
    .requiredOption('--model <name>', `one of ${MODEL_NAMES.join(', ')}`)
    .option('--dataset <name>', `one of ${DATASETS.join(', ')}`, 'breast_cancer')
    .requiredOption('--out <file>', 'where to write model.json')
    .option('--inputset-out <csv>', 'also write the training features (the inputset for compile)')
    .option('--test-out <csv>', 'also write the test features followed by the label column')
    .action(async (options: TrainOptions) => {
      if (!isModelName(options.model)) throw new UserError(`unknown model '${options.model}'; choose from ${MODEL_NAMES.join(', ')}`);
      if (!(DATASETS as readonly string[]).includes(options.dataset)) {
        throw new UserError(`unknown dataset '${options.dataset}'; choose from ${DATASETS.join(', ')}`);
      }
      const { loadBreastCancer, loadIris, loadWine, trainTestSplit, accuracyScore } = await import('@cml/ml');
      const { DEMO_MODELS } = await import('../demo/models.js');
      const kind = DEMO_MODELS[options.model];
      const load = { breast_cancer: loadBreastCancer, iris: loadIris, wine: loadWine }[options.dataset as (typeof DATASETS)[number]];
      const { data, target } = await load();
      const split = trainTestSplit(data, target, { testSize: 0.2, randomState: 0, stratify: target });
      const model = kind.create(false);
      model.fit(split.xTrain, split.yTrain);
      await writeFile(options.out, JSON.stringify(model.dump()));
      if (options.inputsetOut) await writeCsv(options.inputsetOut, split.xTrain);
      if (options.testOut) await writeCsv(options.testOut, split.xTest.map((r, i) => [...r, split.yTest[i] as number]));
      const accuracy = accuracyScore(split.yTest, model.predict(split.xTest));
      write(`${kind.label} trained on ${options.dataset} (${split.xTrain.length} samples), test accuracy ${(100 * accuracy).toFixed(1)}%, written to ${options.out}`);
    });
}
