#!/usr/bin/env node
/**
 * Builds the API reference in memory (TypeDoc's conversion, no files written) and prints a
 * JSON summary: the documented modules, their export counts, and TypeDoc's error and warning
 * counts. Exit code 1 when the conversion fails or a package is missing.
 * `pnpm --filter @cml/docs docs:api:check`; docs/test/api-reference.test.ts runs it.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application } from 'typedoc';

const docsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const API_PACKAGES = ['@cml/compiler', '@cml/ml', '@cml/ml/client', '@cml/tfhe-wasm', '@cml/tracer'];

const app = await Application.bootstrapWithPlugins({
  options: join(docsDir, 'typedoc.json'),
  tsconfig: join(docsDir, 'tsconfig.typedoc.json'),
  entryPoints: ['tracer', 'tfhe-wasm', 'compiler', 'ml', 'ml-client'].map((name) => join(docsDir, 'api-entry', `${name}.ts`)),
  plugin: [],
  logLevel: 'Error',
});
const project = await app.convert();
const modules = Object.fromEntries((project?.children ?? []).map((module) => [module.name, (module.children ?? []).map((c) => c.name).sort()]));
const summary = {
  ok: project !== undefined && API_PACKAGES.every((name) => (modules[name]?.length ?? 0) > 0),
  errors: app.logger.errorCount,
  warnings: app.logger.warningCount,
  modules,
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
process.exit(summary.ok && summary.errors === 0 ? 0 : 1);
