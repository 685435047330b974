#!/usr/bin/env node
// The optimizer against the published presets: for each preset's constraints (precision,
// norm2 = maxNorm2) at p_error 2^-64 (standard modulus switch, as tfhe-rs models its sets;
// and centered, as @cml/tfhe-wasm runs) and at 2^-40 (centered), the chosen set, its
// modelled cost and p_fail, and the search time. Usage: node bench/optimizer.js (after build).
// Writes bench/optimizer-results.json.
import { writeFileSync } from 'node:fs';
import { noise, parameterSets, securityBits } from '@cml/tfhe-wasm';
import { lookupCost, NoParametersError, optimizeParameters } from '../dist/optimizer/index.js';

const scenarios = [
  { label: '2^-64 standard MS', pError: 2 ** -64, centered: false },
  { label: '2^-64 centered MS', pError: 2 ** -64, centered: true },
  { label: '2^-40 centered MS', pError: 2 ** -40, centered: true },
];
const shape = (p) => `n=${p.lweDimension} k=${p.glweDimension} N=${p.polynomialSize} pbs=${p.pbsBaseLog}/${p.pbsLevel} ks=${p.ksBaseLog}/${p.ksLevel}`;
const mb = (bytes) => (bytes / 2 ** 20).toFixed(0);

const rows = [];
for (const scenario of scenarios) {
  for (const preset of parameterSets) {
    const constraints = { lookupPrecision: preset.precision, norm2: preset.maxNorm2, pError: scenario.pError };
    const presetRow = {
      shape: shape(preset),
      costMs: lookupCost(preset).lookupMs,
      log2PFail: noise.log2PFail(preset, { precision: preset.precision, norm2: preset.maxNorm2, centered: scenario.centered }),
      security: securityBits(preset),
    };
    for (const cap of [2 ** 31, 2 ** 32]) {
      const options = { centeredModulusSwitch: scenario.centered, searchSpace: { maxBootstrapKeyBytes: cap } };
      const t0 = performance.now();
      let result;
      try {
        result = optimizeParameters(constraints, options);
      } catch (error) {
        if (!(error instanceof NoParametersError)) throw error;
      }
      const searchMs = performance.now() - t0;
      const optimized = result && {
        name: result.parameters.name,
        shape: shape(result.parameters),
        parameters: result.parameters,
        costMs: result.report.cost.lookupMs,
        log2PFail: result.report.log2PFail,
        security: result.report.security.overall,
        bootstrapKeyBytes: result.report.keySizes.bootstrapKeyBytes,
        keyswitchKeyBytes: result.report.keySizes.keyswitchKeyBytes,
      };
      rows.push({ scenario: scenario.label, bits: preset.precision, norm2: preset.maxNorm2, maxBootstrapKeyBytes: cap, preset: presetRow, optimized, searchMs });
      if (result && cap === 2 ** 31) break; // the 4 GiB row only where 2 GiB is not enough
    }
  }
}

console.log('| scenario | bits | nu | BSK cap | preset | preset ms (model) | preset log2 p_fail | optimized | optimized ms (model) | log2 p_fail | security | BSK MiB | speed-up | search ms |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const o = r.optimized;
  console.log(
    `| ${r.scenario} | ${r.bits} | ${r.norm2} | ${r.maxBootstrapKeyBytes / 2 ** 30} GiB | ${r.preset.shape} | ${r.preset.costMs.toFixed(1)} | ${r.preset.log2PFail.toFixed(1)} | ` +
      (o
        ? `${o.shape} | ${o.costMs.toFixed(1)} | ${o.log2PFail.toFixed(1)} | ${o.security.toFixed(1)} | ${mb(o.bootstrapKeyBytes)} | ${(r.preset.costMs / o.costMs).toFixed(2)}x`
        : 'none fits | - | - | - | - | -') +
      ` | ${r.searchMs.toFixed(1)} |`,
  );
}
writeFileSync(
  new URL('./optimizer-results.json', import.meta.url),
  JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2) + '\n',
);
