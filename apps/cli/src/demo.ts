import { capabilities, statusTable } from './status.js';

export interface DemoOptions {
  readonly json?: boolean;
}

/**
 * The embedded demo. The encrypted end-to-end run (train, compile, keygen, encrypt, run,
 * decrypt) needs @cml/ml (issue 7); until then the demo says so and prints what exists.
 */
export function runDemo(options: DemoOptions, write: (text: string) => void): void {
  if (options.json) {
    write(JSON.stringify({ demo: 'not-available-yet', capabilities }, null, 2));
    return;
  }
  write(
    [
      'cml demo: the encrypted end-to-end demo is not built yet; nothing below is simulated.',
      'Status of the project today:',
      '',
      statusTable(),
      '',
    ].join('\n'),
  );
}
