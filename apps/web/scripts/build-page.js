#!/usr/bin/env node
// Builds the browser page (src/page) with Vite into dist/app, after tsc built the Node entry
// (this script reuses its sample picker). The sample rows the page offers are read from
// @cml/ml's bundled data sets here, at build time, into the virtual module `virtual:cml-samples`.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { pickSamples } from '../dist/samples/pick-samples.js';

const root = fileURLToPath(new URL('../src/page', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/app', import.meta.url));
const datasets = join(dirname(fileURLToPath(import.meta.resolve('@cml/ml'))), '..', 'datasets');

const SAMPLE_SETS = { 'breast-cancer': ['breast_cancer.csv', 12], digits: ['digits.csv', 10] };
const VIRTUAL_ID = 'virtual:cml-samples';
const nodeBuiltinsStub = fileURLToPath(new URL('../src/page/node-builtins-stub.ts', import.meta.url));

function samplesPlugin() {
  return {
    name: 'cml-samples',
    resolveId: (id) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
    async load(id) {
      if (id !== `\0${VIRTUAL_ID}`) return undefined;
      const sets = {};
      for (const [name, [file, count]] of Object.entries(SAMPLE_SETS)) {
        sets[name] = pickSamples(await readFile(join(datasets, file), 'utf8'), count);
      }
      return `export default ${JSON.stringify(sets)};`;
    },
  };
}

await build({
  root,
  base: './',
  logLevel: 'warn',
  plugins: [samplesPlugin()],
  resolve: { alias: [{ find: /^node:.*$/, replacement: nodeBuiltinsStub }] },
  build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false, chunkSizeWarningLimit: 4096 },
  worker: { format: 'es', plugins: () => [samplesPlugin()] },
});
