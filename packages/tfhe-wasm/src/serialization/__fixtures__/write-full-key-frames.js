/**
 * Writes full-key frames (client key + compressed evaluation keys with bootstrap and keyswitch
 * keys) for the backward-compatibility test (full-key-frames.test.ts). The committed .bin files
 * were written by commit 6dcc79d, before evaluation keys could omit the lookup keys; the test
 * checks that today's reader still loads them, bootstraps with them and writes the same bytes.
 *
 *   pnpm --filter @cml/tfhe-wasm build && node src/serialization/__fixtures__/write-full-key-frames.js
 */
import { writeFileSync } from 'node:fs';
import { ClientKey, initTfhe } from '../../../dist/index.js';

/** TEST ONLY, INSECURE: the fuzz test's tiny set (compressed keys about 70 KB). */
const PARAMS = {
  name: 'FIXTURE-INSECURE-test-only',
  precision: 3,
  lweDimension: 16,
  glweDimension: 1,
  polynomialSize: 256,
  lweNoiseStdDev: 2 ** -40,
  glweNoiseStdDev: 2 ** -50,
  pbsBaseLog: 12,
  pbsLevel: 1,
  ksBaseLog: 4,
  ksLevel: 3,
  maxNorm2: 1,
};

await initTfhe();
const key = ClientKey.generate(PARAMS);
const keys = key.evaluationKeys();
const here = new URL('.', import.meta.url);
writeFileSync(new URL('full-key-frames.client-key.bin', here), key.serialize());
writeFileSync(new URL('full-key-frames.evaluation-keys.bin', here), keys.serialize());
keys.dispose();
key.dispose();
