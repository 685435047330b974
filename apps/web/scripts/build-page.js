#!/usr/bin/env node
// Builds the browser page (src/page) with Vite into dist/app, after tsc built the Node entry.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../src/page', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/app', import.meta.url));

await build({
  root,
  base: './',
  logLevel: 'warn',
  build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false, chunkSizeWarningLimit: 4096 },
  worker: { format: 'es' },
});
