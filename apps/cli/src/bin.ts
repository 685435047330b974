#!/usr/bin/env node
import { buildProgram, CommanderError } from './program.js';

/** Exit codes: 0 ok, 1 user error (one line, no stack), 2 internal error. */
try {
  await buildProgram((text) => process.stdout.write(text + '\n')).parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exit(error.exitCode === 0 ? 0 : 1);
  }
  process.stderr.write(`cml: internal error: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(2);
}
