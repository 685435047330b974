/**
 * Before/after comparison of two builds of the WASM core on a shared, noisy machine: the same
 * blind rotation and keyswitch (random keys of the preset's shape: timing does not depend on
 * their content) run on both modules, alternating sample by sample, and the median CPU time
 * of each is reported, with the ratio of the fastest samples (other processes only slow a
 * sample down). SAMPLES=n sets the number of samples (default 9). Build the "before" module from an older commit, e.g.
 *   git archive <commit> packages/tfhe-wasm/assembly packages/tfhe-wasm/asconfig.json | tar -x -C /tmp/base
 *   (cd /tmp/base/packages/tfhe-wasm && asc --config asconfig.json --target release --outFile /tmp/before.wasm)
 *   node bench/compare-builds.js /tmp/before.wasm 4 6
 * AFTER=<path> compares with another build than build/tfhe.wasm (e.g. build/tfhe-relaxed.wasm).
 * Prints a table; writes nothing.
 */
import { readFile } from 'node:fs/promises';
import { compareBuilds } from './build-ab.js';

const [beforePath, ...precisionArgs] = process.argv.slice(2);
if (!beforePath) throw new Error('usage: node bench/compare-builds.js <before.wasm> [precision ...]');
const precisions = precisionArgs.length ? precisionArgs.map(Number) : [4, 6];
const samples = Number(process.env.SAMPLES ?? 9);
const beforeBytes = await readFile(beforePath);
const afterBytes = await readFile(process.env.AFTER ?? new URL('../build/tfhe.wasm', import.meta.url));
console.table(await compareBuilds(beforeBytes, afterBytes, precisions, samples));
