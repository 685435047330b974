import { writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Write } from '../program.js';
import { progressBar } from '../progress.js';
import { readCsvMatrix, writeCsv } from './csv.js';

/** predict: the client and server roles (FHEModelClient + FHEModelServer) in one process, through ciphertext bytes. */
export function registerPredict(program: Command, write: Write): void {
  program
    .command('predict')
    .description('Both roles in one process, for a quick check: keygen, encrypt each row, run, decrypt')
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
