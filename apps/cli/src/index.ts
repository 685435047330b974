/** @cml/cli — the `cml` command. */
export { buildProgram } from './program.js';
export { capabilities, statusTable, type Capability } from './status.js';
export { UserError } from './errors.js';
export { summarizeResults } from './commands/bench.js';
