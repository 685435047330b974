import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ClientResult } from '@cml/ml/client';
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import type { Write } from '../program.js';
import { progressBar } from '../progress.js';
import { packBatch, unpackBatch } from '../files/batch-file.js';
import { decryptedCsv, decryptedJson } from '../files/decrypted-output.js';
import { readBytes, writeBytes } from '../files/file-io.js';
import { evaluationKeyPath, KEY_FILES } from '../files/key-files.js';
import { readRows } from '../files/rows.js';

interface DirOption {
  readonly dir: string;
}

/** The client role with the keys from a keys directory (secret key + its evaluation keys). */
async function clientWithKeys(dir: string, keys: string) {
  const { FHEModelClient } = await import('@cml/ml/client');
  const client = await new FHEModelClient(dir).load();
  const secret = await readBytes(join(keys, KEY_FILES.secret), 'secret key');
  const evaluation = await readBytes(join(keys, KEY_FILES.evaluation), 'evaluation keys');
  await client.loadKeys(secret, evaluation);
  return client;
}

function size(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
}

/**
 * The client/server flow through files, one process per step. The client commands load the
 * browser-safe @cml/ml/client (no TensorFlow.js): they start in a fraction of a second.
 * keygen (client) -> encrypt (client) -> run (server: server.bin + evaluation keys only) -> decrypt (client).
 */
export function registerClientServerCommands(program: Command, write: Write): void {
  program
    .command('keygen')
    .description('Client: generate the secret key (stays here) and the evaluation keys (for the server)')
    .requiredOption('--dir <dir>', 'deployment directory written by `cml compile` (reads client.json, client.bin)')
    .requiredOption('--out <dir>', `keys directory to write: ${KEY_FILES.secret} (private) and ${KEY_FILES.evaluation}`)
    .option('--force', 'replace existing keys (what was encrypted under them can no longer be decrypted)')
    .action(async (options: DirOption & { out: string; force?: boolean }) => {
      const secretPath = join(options.out, KEY_FILES.secret);
      if (!options.force && existsSync(secretPath)) {
        throw new UserError(`${secretPath} already exists: results computed under it could no longer be decrypted; pass --force to replace it`);
      }
      const { FHEModelClient } = await import('@cml/ml/client');
      const client = await new FHEModelClient(options.dir).load();
      const progress = progressBar(true);
      try {
        progress.start('keygen', 1);
        await client.generatePrivateAndEvaluationKeys();
        progress.increment();
        progress.stop();
        const secret = client.serializeSecretKey();
        const evaluation = client.getSerializedEvaluationKeys();
        await writeBytes(secretPath, secret, { secret: true });
        await writeBytes(join(options.out, KEY_FILES.evaluation), evaluation);
        write(`wrote ${secretPath} (${size(secret.length)}, keep it private) and ${join(options.out, KEY_FILES.evaluation)} (${size(evaluation.length)}, for the server); key id ${client.keyId}`);
      } finally {
        progress.stop();
        client.dispose();
      }
    });

  program
    .command('encrypt')
    .description('Client: quantize and encrypt rows into one file for the server')
    .requiredOption('--dir <dir>', 'deployment directory (client.json, client.bin)')
    .requiredOption('--keys <dir>', 'keys directory written by `cml keygen`')
    .requiredOption('--input <file>', 'rows to encrypt: CSV (one row a line) or JSON ([[x1, x2, ...], ...])')
    .requiredOption('--out <file>', 'encrypted rows to write (a cml batch file)')
    .action(async (options: DirOption & { keys: string; input: string; out: string }) => {
      const rows = await readRows(options.input);
      const client = await clientWithKeys(options.dir, options.keys);
      try {
        const batch = packBatch('inputs', rows.map((row) => client.quantizeEncryptSerialize(row)));
        await writeBytes(options.out, batch);
        write(`encrypted ${rows.length} row${rows.length === 1 ? '' : 's'} into ${options.out} (${size(batch.length)})`);
      } finally {
        client.dispose();
      }
    });

  program
    .command('run')
    .description('Server: run the model on encrypted rows with the evaluation keys (no secret key involved)')
    .requiredOption('--dir <dir>', 'deployment directory (only server.bin is read)')
    .requiredOption('--keys <path>', `evaluation-key file, or a keys directory (only its ${KEY_FILES.evaluation} is read)`)
    .requiredOption('--input <file>', 'encrypted rows written by `cml encrypt`')
    .requiredOption('--out <file>', 'encrypted results to write (a cml batch file)')
    .action(async (options: DirOption & { keys: string; input: string; out: string }) => {
      const inputs = unpackBatch(await readBytes(options.input, 'encrypted rows'), 'inputs', options.input);
      const { FHEModelServer } = await import('@cml/ml');
      const server = await new FHEModelServer(options.dir).load();
      const keys = await server.loadEvaluationKeys(await readBytes(await evaluationKeyPath(options.keys), 'evaluation keys'));
      const progress = progressBar(true);
      try {
        const started = performance.now();
        progress.start('encrypted runs', inputs.length);
        const results: Uint8Array[] = [];
        for (const input of inputs) {
          results.push(await server.run(input, keys));
          progress.increment();
        }
        progress.stop();
        const ms = performance.now() - started;
        await writeBytes(options.out, packBatch('results', results));
        write(`ran ${inputs.length} encrypted row${inputs.length === 1 ? '' : 's'} in ${(ms / 1000).toFixed(2)} s (${(ms / Math.max(1, inputs.length)).toFixed(0)} ms per row); wrote ${options.out}`);
      } finally {
        progress.stop();
        keys.dispose();
        server.dispose();
      }
    });

  program
    .command('decrypt')
    .description('Client: decrypt and dequantize the server results; print predictions and probabilities (or scores)')
    .requiredOption('--dir <dir>', 'deployment directory (client.json, client.bin)')
    .requiredOption('--keys <dir>', 'keys directory written by `cml keygen`')
    .requiredOption('--input <file>', 'encrypted results written by `cml run`')
    .option('--json', 'print [{ prediction, scores, probabilities }, ...]')
    .action(async (options: DirOption & { keys: string; input: string; json?: boolean }) => {
      const results = unpackBatch(await readBytes(options.input, 'encrypted results'), 'results', options.input);
      const client = await clientWithKeys(options.dir, options.keys);
      try {
        const decrypted: ClientResult[] = [];
        for (const bytes of results) decrypted.push(await client.deserializeDecryptDequantize(bytes));
        write(options.json ? decryptedJson(decrypted) : decryptedCsv(decrypted));
      } finally {
        client.dispose();
      }
    });
}
