import { Command, CommanderError } from 'commander';
import { runDemo } from './demo.js';
import { registerCompile } from './commands/compile.js';
import { registerPredict } from './commands/predict.js';
import { registerClientServerCommands } from './commands/client-server.js';
import { registerInspect } from './commands/inspect.js';
import { registerTrain } from './commands/train.js';
import { registerBench } from './commands/bench.js';
import { registerServe } from './commands/serve.js';
import { loadTensorflow } from './tensorflow.js';

export type Write = (text: string) => void;

const TENSORFLOW_COMMANDS = new Set(['demo', 'train', 'compile', 'predict']);

/** Builds the `cml` command line; `write` receives everything meant for stdout. */
export function buildProgram(write: Write): Command {
  const program = new Command('cml')
    .description('Compile numeric functions and ML models to programs that run on encrypted data')
    .option('--verbose', 'print stack traces of errors')
    .configureOutput({ outputError: oneLineError })
    .exitOverride();
  program
    .command('demo')
    .description('Train models on breast cancer, compile them to TFHE, run encrypted samples, print a measured table')
    .option('--json', 'machine-readable output (no progress bars)')
    .option('--quick', 'the smallest honest variant: small models, 2 encrypted samples')
    .option('--models <list>', 'comma-separated: lr,dt,rf,xgb,mlp (default lr,dt)')
    .option('--samples <n>', 'encrypted test samples per model (default 10, --quick 2)')
    .action((options: { json?: boolean; quick?: boolean; models?: string; samples?: string }) => runDemo(options, write));
  registerTrain(program, write);
  registerCompile(program, write);
  registerClientServerCommands(program, write);
  registerPredict(program, write);
  registerInspect(program, write);
  registerServe(program, write);
  registerBench(program, write);
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ outputError: oneLineError });
    // Commands that train or convert models compute with TensorFlow.js: load it first, quietly.
    if (TENSORFLOW_COMMANDS.has(command.name())) command.hook('preAction', () => loadTensorflow().then(() => undefined));
  }
  return program;
}

/** Commander's usage errors as one line, like every other user error. */
function oneLineError(text: string, write: (text: string) => void): void {
  const message = text.replace(/^error: /, '').split('\n').map((line) => line.trim()).filter(Boolean).join(' ');
  write(`cml: ${message} (see --help)\n`);
}

export { CommanderError };
