#!/usr/bin/env node
// Fits the optimizer's cost model (src/optimizer/cost-model.ts) to single-threaded timings of
// @cml/tfhe-wasm's keyswitch and bootstrap on a few shapes: the 1- to 6-bit presets and
// variants with more bootstrap levels (the noise does not change the work, only the shape).
// Usage: node bench/optimizer-calibrate.js [--quick]   (after building tfhe-wasm and compiler)
// Writes bench/optimizer-calibration.json and prints the constants for DEFAULT_COST_MODEL.
import { writeFileSync } from 'node:fs';
import { ClientKey, initTfhe, parameterSets } from '@cml/tfhe-wasm';
import { lookupCost, lookupWork, optimizeParameters } from '../dist/optimizer/index.js';

const quick = process.argv.includes('--quick');
const minSeconds = quick ? 0.6 : 2;

const byBits = (bits) => parameterSets.find((p) => p.precision === bits);
const variant = (bits, pbsBaseLog, pbsLevel) => ({
  ...byBits(bits),
  name: `${byBits(bits).name}-pbs${pbsBaseLog}x${pbsLevel}`,
  pbsBaseLog,
  pbsLevel,
});
const shapes = quick
  ? [byBits(1), byBits(3), byBits(4), variant(4, 11, 3)]
  : [byBits(1), byBits(2), byBits(3), byBits(4), byBits(5), byBits(6), variant(2, 15, 2), variant(4, 15, 2), variant(4, 11, 3)];

/**
 * CPU milliseconds of one call of fn: the median over samples of at least 100 ms each (the
 * kernel accounts CPU time in ticks of a few ms, so short calls are batched), after a
 * warm-up. CPU time (process.cpuUsage) rather than wall time, so that other processes sharing
 * the machine do not count: the WASM core runs on this one thread.
 */
function time(fn) {
  const warmStart = performance.now();
  for (let i = 0; i < 3; i++) fn();
  const reps = Math.max(1, Math.ceil(100 / ((performance.now() - warmStart) / 3)));
  const samples = [];
  const start = performance.now();
  while (performance.now() - start < minSeconds * 1000 || samples.length < 5) {
    const before = process.cpuUsage();
    for (let i = 0; i < reps; i++) fn();
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / 1000 / reps);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

/** CPU time of one keyswitch and one bootstrap of a parameter set, in ms. */
function measure(params) {
  const clientKey = ClientKey.generate(params);
  const keys = clientKey.evaluationKeys();
  const big = clientKey.encrypt(1);
  const small = keys.keyswitch(big);
  const table = Array.from({ length: 1 << params.precision }, (_, i) => i);
  const keyswitchMs = time(() => keys.keyswitch(big).dispose());
  const bootstrapMs = time(() => keys.bootstrap(small, table).dispose());
  for (const o of [small, big, keys, clientKey]) o.dispose();
  console.error(`${params.name}: KS ${keyswitchMs.toFixed(3)} ms, PBS ${bootstrapMs.toFixed(3)} ms`);
  return { keyswitchMs, bootstrapMs };
}

await initTfhe();
const rows = shapes.map((params) => ({ name: params.name, shape: shapeOf(params), work: lookupWork(params), ...measure(params) }));

function shapeOf(p) {
  const { lweDimension: n, glweDimension: k, polynomialSize: N, pbsLevel, ksLevel } = p;
  return { n, k, N, pbsLevel, ksLevel };
}

// Least squares on relative errors: each row weighted by 1/t, so that small shapes count.
const ks = rows.reduce(
  (acc, r) => {
    const x = r.work.keyswitchMultiplyAdds / r.keyswitchMs;
    return { sxy: acc.sxy + x, sxx: acc.sxx + x * x };
  },
  { sxy: 0, sxx: 0 },
);
const keyswitchNsPerMultiplyAdd = (ks.sxy / ks.sxx) * 1e6;

let [a11, a12, a22, b1, b2] = [0, 0, 0, 0, 0];
for (const r of rows) {
  const x1 = r.work.fftButterflies / r.bootstrapMs;
  const x2 = r.work.fourierMultiplyAdds / r.bootstrapMs;
  a11 += x1 * x1;
  a12 += x1 * x2;
  a22 += x2 * x2;
  b1 += x1;
  b2 += x2;
}
const det = a11 * a22 - a12 * a12;
let fft = (b1 * a22 - b2 * a12) / det;
let mac = (a11 * b2 - a12 * b1) / det;
if (mac < 0) [fft, mac] = [b1 / a11, 0];
if (fft < 0) [fft, mac] = [0, b2 / a22];
const model = {
  keyswitchNsPerMultiplyAdd,
  fftNsPerButterfly: fft * 1e6,
  fourierNsPerMultiplyAdd: mac * 1e6,
};

const predict = (r) => ({
  keyswitchMs: (r.work.keyswitchMultiplyAdds * model.keyswitchNsPerMultiplyAdd) / 1e6,
  bootstrapMs: (r.work.fftButterflies * model.fftNsPerButterfly + r.work.fourierMultiplyAdds * model.fourierNsPerMultiplyAdd) / 1e6,
});
console.log('| set | n | k | N | l_pbs | l_ks | KS ms (measured / model) | PBS ms (measured / model) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const p = predict(r);
  const { n, k, N, pbsLevel, ksLevel } = r.shape;
  console.log(
    `| ${r.name} | ${n} | ${k} | ${N} | ${pbsLevel} | ${ksLevel} | ${r.keyswitchMs.toFixed(3)} / ${p.keyswitchMs.toFixed(3)} | ${r.bootstrapMs.toFixed(2)} / ${p.bootstrapMs.toFixed(2)} |`,
  );
}
console.log(JSON.stringify(model, null, 2));

// Validation: the optimizer's sets for the presets' constraints (p_error 2^-64, standard
// modulus switch), timed the same way, against the presets themselves.
const modelWithSource = { ...model, source: 'this calibration' };
const validation = [];
for (const bits of quick ? [2, 4] : [1, 2, 3, 4, 5]) {
  const preset = byBits(bits);
  const { parameters } = optimizeParameters(
    { lookupPrecision: bits, norm2: preset.maxNorm2, pError: 2 ** -64 },
    { centeredModulusSwitch: false, costModel: modelWithSource },
  );
  const presetRow = rows.find((r) => r.name === preset.name) ?? { ...measure(preset) };
  const optimized = measure(parameters);
  const total = (r) => r.keyswitchMs + r.bootstrapMs;
  validation.push({
    bits,
    preset: preset.name,
    optimized: parameters,
    presetMs: total(presetRow),
    optimizedMs: total(optimized),
    modelledSpeedUp: lookupCost(preset, modelWithSource).lookupMs / lookupCost(parameters, modelWithSource).lookupMs,
    measuredSpeedUp: total(presetRow) / total(optimized),
  });
}
console.log('| bits | preset KS+PBS ms | optimized KS+PBS ms | speed-up (model) | speed-up (measured) |');
console.log('|---|---|---|---|---|');
for (const v of validation) {
  console.log(
    `| ${v.bits} | ${v.presetMs.toFixed(1)} | ${v.optimizedMs.toFixed(1)} | ${v.modelledSpeedUp.toFixed(2)}x | ${v.measuredSpeedUp.toFixed(2)}x |`,
  );
}
writeFileSync(
  new URL('./optimizer-calibration.json', import.meta.url),
  JSON.stringify({ date: new Date().toISOString(), quick, node: process.version, model, rows, validation }, null, 2) + '\n',
);
