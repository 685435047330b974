#!/usr/bin/env node
import { buildProgram, CommanderError } from './program.js';
import { isUserError } from './errors.js';

/** Exit codes: 0 ok, 1 user error (one line, no stack unless --verbose), 2 internal error. */
const verbose = process.argv.includes('--verbose');
try {
  await buildProgram((text) => process.stdout.write(text + '\n')).parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exit(error.exitCode === 0 ? 0 : 1);
  }
  if (isUserError(error)) {
    process.stderr.write(`cml: ${error.message.split('\n')[0]}\n`);
    if (verbose) process.stderr.write(`${error.stack ?? ''}\n`);
    process.exit(1);
  }
  process.stderr.write(`cml: internal error: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(2);
}
