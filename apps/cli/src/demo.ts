import { UserError } from './errors.js';
import { DEFAULT_MODELS, parseModelList } from './demo/model-names.js';
import { formatDemo } from './demo/report.js';
import { progressBar } from './progress.js';

export interface DemoOptions {
  readonly json?: boolean;
  readonly quick?: boolean;
  readonly models?: string;
  readonly samples?: string;
}

/** Encrypted samples per model by default: enough to see agreement, small enough for a few minutes on 2 cores. */
const DEFAULT_SAMPLES = 10;
const QUICK_SAMPLES = 2;

function parseSamples(text: string | undefined, quick: boolean): number {
  if (text === undefined) return quick ? QUICK_SAMPLES : DEFAULT_SAMPLES;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UserError(`--samples must be a non-negative integer, got '${text}'`);
  return n;
}

/** `cml demo`: train, compile, keygen, encrypt, run, decrypt on breast cancer, and print the measured table. */
export async function runDemo(options: DemoOptions, write: (text: string) => void): Promise<void> {
  const quick = options.quick ?? false;
  const models = options.models === undefined ? [...DEFAULT_MODELS] : parseModelList(options.models);
  const samples = parseSamples(options.samples, quick);
  // The ML stack (TensorFlow.js, WASM) loads only when a command needs it: help and argument errors stay instant.
  const { runDemo: measureDemo } = await import('./demo/run-demo.js');
  const result = await measureDemo({ models, samples, quick }, progressBar(!options.json));
  write(options.json ? JSON.stringify(result, null, 2) : formatDemo(result));
}
