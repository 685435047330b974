import { textTable } from '../table.js';
import type { DemoResult, DemoRow } from './run-demo.js';

const percent = (x: number | undefined) => (x === undefined ? '-' : `${(100 * x).toFixed(1)}%`);

/** 240 B, 12.3 kB, 54.5 MB: linear models send a seed, bootstrapping ones megabytes. */
function byteSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function row(r: DemoRow): string[] {
  if (r.notCompilable !== undefined) return [r.model, percent(r.floatAccuracy), 'not FHE-compilable', '-', '-', '-', '-'];
  const agreement = r.encryptedSamples ? `${r.encryptedAgreement}/${r.encryptedSamples}` : '-';
  return [
    r.model,
    percent(r.floatAccuracy),
    percent(r.fheSimulateAccuracy),
    agreement,
    r.msPerEncryptedSample === undefined ? '-' : r.msPerEncryptedSample.toFixed(0),
    String(r.bootstrapsPerSample ?? '-'),
    r.evaluationKeyBytes === undefined ? '-' : byteSize(r.evaluationKeyBytes),
  ];
}

/** The demo's human-readable report: what ran, the table, and the notes that keep it honest. */
export function formatDemo(result: DemoResult): string {
  const header = ['model', 'float acc', 'FHE acc (sim, all)', 'encrypted = clear-quantized', 'ms / encrypted sample', 'bootstraps / sample', 'eval keys sent'];
  const notes = result.rows
    .filter((r) => r.notCompilable !== undefined)
    .map((r) => `note: ${r.model} was trained but not compiled: ${r.notCompilable}`);
  return [
    `cml demo: ${result.dataset}, ${result.trainSamples} training / ${result.testSamples} test samples, features standardized on the client.`,
    'Each model is trained, quantized and compiled to TFHE; the circuit is simulated on the whole test split',
    'and a few test samples are encrypted, run under TFHE and decrypted.',
    '',
    textTable(header, result.rows.map(row)),
    '',
    ...result.rows
      .filter((r) => r.notCompilable === undefined)
      .map((r) => `${r.model}: parameters ${r.parameters}, compile ${r.compileMs?.toFixed(0)} ms, keygen ${r.keygenMs?.toFixed(0)} ms, clear-quantized acc ${percent(r.clearQuantizedAccuracy)}`),
    ...notes,
    'eval keys sent = the serialized evaluation keys the client uploads (bootstrap and keyswitch keys, seeded; a linear model needs neither).',
  ].join('\n');
}
