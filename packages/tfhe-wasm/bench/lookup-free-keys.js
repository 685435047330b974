/**
 * Evaluation keys with lookups (bootstrap + keyswitch key) against keys generated with
 * `{ lookups: false }`, on the parameter set the compiler picks for a 30-feature dot product
 * (a lookup-free circuit) and on the 4-bit preset: key generation time, serialized bytes, server
 * load time, memory. Each variant runs in a fresh child process so its memory figures are its
 * own. Table on stdout, JSON to bench/lookup-free-results.json.
 *
 *   pnpm --filter @cml/tfhe-wasm build && node bench/lookup-free-keys.js
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { ClientKey, EvaluationKeys, getParameterSet, initTfhe } from '../dist/index.js';
import { median } from './node-tfhe-peer.js';

/** What @cml/compiler chose for x.dot(w), 30 uint4 features, int8 result (0 lookups). */
const DOT_PRODUCT_30 = {
  name: 'optimized-p0-nu1-2m40-out8-msg8',
  precision: 7,
  lweDimension: 612,
  glweDimension: 5,
  polynomialSize: 256,
  lweNoiseStdDev: 0.00011787152022844882,
  glweNoiseStdDev: 8.018517730172246e-10,
  pbsBaseLog: 15,
  pbsLevel: 1,
  ksBaseLog: 2,
  ksLevel: 5,
  maxNorm2: 1,
};

const SETS = { 'dot-product-30': DOT_PRODUCT_30, '4-bit preset': getParameterSet({ precision: 4 }) };
const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const MiB = 2 ** 20;

/** Median wall and thread CPU time (ms) of `run` over `count` runs after a warm-up. */
function timed(run, count) {
  run();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < count; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    run();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wallMs: round(median(wall), 3), cpuMs: round(median(cpu), 3) };
}

/** One variant, in this process: the figures of one key set. */
async function measure(setName, lookups) {
  const tfhe = await initTfhe();
  const params = SETS[setName];
  const samples = lookups ? 5 : 50;
  const key = ClientKey.generate(params);
  const baseline = { used: tfhe.allocator.usedBytes, rss: process.memoryUsage().rss };
  const keys = key.evaluationKeys({ lookups });
  const wasmBytes = tfhe.allocator.usedBytes - baseline.used;
  const jsBodyBytes = keys.bootstrapKeyBodies.byteLength;
  const rssGrowth = process.memoryUsage().rss - baseline.rss;
  const bytes = keys.serialize();
  const keygen = timed(() => key.evaluationKeys({ lookups }).dispose(), samples);
  const withClientKey = timed(() => {
    const k = ClientKey.generate(params);
    k.evaluationKeys({ lookups }).dispose();
    k.dispose();
  }, samples);
  const load = timed(() => EvaluationKeys.deserialize(bytes, params).dispose(), samples);
  keys.dispose();
  key.dispose();
  return {
    set: setName,
    lookups,
    keygenCpuMs: keygen.cpuMs,
    keygenWallMs: keygen.wallMs,
    keygenWithClientKeyCpuMs: withClientKey.cpuMs,
    serializedBytes: bytes.length,
    loadCpuMs: load.cpuMs,
    wasmKeyBytes: wasmBytes,
    jsBodyBytes,
    rssGrowthBytes: rssGrowth,
    wasmMemoryBytes: tfhe.memory.buffer.byteLength,
  };
}

const child = process.argv.indexOf('--child');
if (child >= 0) {
  const [setName, lookups] = process.argv.slice(child + 1);
  process.stdout.write(JSON.stringify(await measure(setName, lookups === 'true')));
} else {
  const script = fileURLToPath(import.meta.url);
  const rows = [];
  for (const setName of Object.keys(SETS)) {
    for (const lookups of [true, false]) {
      const out = execFileSync(process.execPath, [script, '--child', setName, String(lookups)], { encoding: 'utf8' });
      rows.push(JSON.parse(out));
    }
  }
  console.table(
    rows.map((r) => ({
      set: r.set,
      lookups: r.lookups,
      'keygen cpu ms': r.keygenCpuMs,
      '+ client key': r.keygenWithClientKeyCpuMs,
      serialized: r.serializedBytes < 10_000 ? `${r.serializedBytes} B` : `${round(r.serializedBytes / MiB)} MiB`,
      'load cpu ms': r.loadCpuMs,
      'WASM keys': `${round(r.wasmKeyBytes / MiB)} MiB`,
      'JS bodies': `${round(r.jsBodyBytes / MiB)} MiB`,
      'WASM memory': `${round(r.wasmMemoryBytes / MiB)} MiB`,
    })),
  );
  const results = { date: new Date().toISOString(), cpu: os.cpus()[0]?.model, node: process.version, rows };
  writeFileSync(new URL('lookup-free-results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
}
