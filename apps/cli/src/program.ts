import { Command, CommanderError } from 'commander';
import { runDemo } from './demo.js';

/** Builds the `cml` command line; `write` receives everything meant for stdout. */
export function buildProgram(write: (text: string) => void): Command {
  const program = new Command('cml')
    .description('Compile numeric functions and ML models to programs that run on encrypted data')
    .showHelpAfterError()
    .exitOverride();
  program
    .command('demo')
    .description('Run the embedded demo (today: print the honest project status)')
    .option('--json', 'machine-readable output')
    .action((options: { json?: boolean }) => runDemo(options, write));
  return program;
}

export { CommanderError };
