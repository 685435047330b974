#!/usr/bin/env node
// Checks the optimizer's promises on the real core: for a set chosen at a deliberately loose
// p_error (so that failures are frequent enough to count), runs many lookups on bootstrapped
// inputs (norm 1) and compares with the model:
//  - the keyswitch and bootstrap output noise variances, measured from decrypted phases;
//  - the failure rate of the lookup, against the predicted p_fail (binomial 3-sigma band).
// Usage: node bench/optimizer-noise-check.js [--quick]   (after building tfhe-wasm and compiler)
// Writes bench/optimizer-noise-check.json.
import { webcrypto } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { ClientKey, initTfhe, noise } from '@cml/tfhe-wasm';
import { optimizeParameters } from '../dist/optimizer/index.js';

const quick = process.argv.includes('--quick');
const samples = quick ? 300 : 2000;
const TORUS = 2 ** 64;

/** Signed distance (torus units in [-1/2, 1/2)) between a 64-bit phase and the encoding of m. */
function phaseError(phase, message, precision) {
  const expected = BigInt(message) << BigInt(63 - precision);
  return Number(BigInt.asIntN(64, phase - expected)) / TORUS;
}

function randomMessages(count, precision) {
  const words = webcrypto.getRandomValues(new Uint32Array(count));
  return Array.from(words, (w) => w % 2 ** precision);
}

await initTfhe();
const results = [];
for (const constraints of [
  { lookupPrecision: 3, norm2: 1, pError: 2 ** -5 },
  { lookupPrecision: 4, norm2: 2, pError: 2 ** -6 },
]) {
  const { parameters, report } = optimizeParameters(constraints);
  const { lookupPrecision: p, norm2 } = constraints;
  const clientKey = ClientKey.generate(parameters);
  const keys = clientKey.evaluationKeys();
  const identity = Array.from({ length: 2 ** p }, (_, i) => i);
  let ksSquares = 0;
  let pbsSquares = 0;
  let failures = 0;
  let counted = 0;
  for (const random of randomMessages(samples, p)) {
    // A bootstrapped input (output noise V_pbs), scaled by the norm, keyswitched, bootstrapped.
    const message = random % 2 ** (p - Math.log2(norm2));
    const fresh = clientKey.encrypt(message, p);
    const first = keys.applyLookupTable(fresh, identity);
    if (clientKey.decrypt(first) !== message) {
      // The preparing lookup failed (its input is fresher, so it fails less often): skip.
      for (const ct of [fresh, first]) ct.dispose();
      continue;
    }
    counted++;
    const scaled = norm2 === 1 ? first.clone() : first.mulScalar(norm2);
    const expected = message * norm2;
    const small = keys.keyswitch(scaled);
    const out = keys.bootstrap(small, identity);
    ksSquares += phaseError(clientKey.decryptPhase(small), expected, p) ** 2;
    // A failed lookup can land in the negacyclic half (-f(m)), where the phase error says nothing of V_pbs.
    if (clientKey.decrypt(out) === expected) pbsSquares += phaseError(clientKey.decryptPhase(out), expected, p) ** 2;
    else failures++;
    for (const ct of [fresh, first, scaled, small, out]) ct.dispose();
  }
  const predictedP = 2 ** report.log2PFail;
  const expectedFailures = predictedP * counted;
  const band = 3 * Math.sqrt(counted * predictedP * (1 - predictedP));
  // The keyswitch output carries the input's noise times the norm plus V_ks.
  const modelKs = noise.keyswitchVariance(parameters) + norm2 ** 2 * noise.bootstrapVariance(parameters);
  const row = {
    constraints: { ...constraints, pError: `2^${Math.log2(constraints.pError)}` },
    parameters,
    samples: counted,
    measuredKeyswitchVariance: ksSquares / counted,
    modelKeyswitchVariance: modelKs,
    measuredBootstrapVariance: pbsSquares / (counted - failures),
    modelBootstrapVariance: noise.bootstrapVariance(parameters),
    failures,
    expectedFailures,
    withinThreeSigma: Math.abs(failures - expectedFailures) <= band,
  };
  results.push(row);
  console.log(
    `${parameters.name}: KS variance ${row.measuredKeyswitchVariance.toExponential(3)} (model ${modelKs.toExponential(3)}), ` +
      `PBS variance ${row.measuredBootstrapVariance.toExponential(3)} (model ${row.modelBootstrapVariance.toExponential(3)}), ` +
      `failures ${failures}/${counted} (model ${expectedFailures.toFixed(1)} +- ${band.toFixed(1)})`,
  );
  keys.dispose();
  clientKey.dispose();
}
writeFileSync(
  new URL('./optimizer-noise-check.json', import.meta.url),
  JSON.stringify({ date: new Date().toISOString(), quick, node: process.version, results }, null, 2) + '\n',
);
