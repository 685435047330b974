/**
 * Benchmarks of the randomness and wire layers: the ChaCha20 CSPRNG fills (uniform masks,
 * binary keys, Gaussian noise), the raw keystream against @noble/ciphers as a peer, and the
 * CRC-64 and frame encode/decode throughput that key serialization pays.
 *
 * Run after a build: `node bench/random.js [--quick]` prints a table and writes
 * bench/random-results.json; `benchRandom({ quick })` returns the rows for bench/run.js.
 * Each figure is the median of several timed runs after a warm-up run.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chacha20 } from '@noble/ciphers/chacha.js';
import { Csprng, decodeFrame, encodeFrame, FrameKind, initTfhe, parameterSets } from '../dist/index.js';
import { crc64 } from '../dist/wire/crc64.js';

const MB = 1e6;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median seconds of `runs` calls of fn after one warm-up call. */
function time(fn, runs) {
  fn();
  const seconds = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    seconds.push((performance.now() - start) / 1e3);
  }
  return median(seconds);
}

export async function benchRandom({ quick = false } = {}) {
  const runs = quick ? 3 : 7;
  const words = quick ? 1 << 21 : 1 << 23; // 16 MiB or 64 MiB of u64
  const gaussians = quick ? 1 << 18 : 1 << 21;
  const tfhe = await initTfhe();
  const { allocator } = tfhe;
  const state = allocator.alloc(Csprng.stateBytes(tfhe));
  const buffer = allocator.alloc(words * 8);
  const keyPtr = allocator.alloc(64);
  const rng = Csprng.fromSystemEntropy(tfhe, state);
  const sigma = parameterSets[5].lweNoiseStdDev;
  const rows = [];
  const add = (name, value, unit) => rows.push({ name, value: Number(value.toPrecision(4)), unit });

  add('csprng fillU64 (masks)', (words * 8) / MB / time(() => rng.fillU64(buffer, words), runs), 'MB/s');
  add('csprng fillBinaryU64 (keys)', words / 1e6 / time(() => rng.fillBinaryU64(buffer, words), runs), 'M words/s');
  add(
    'csprng addGaussianU64 (noise)',
    gaussians / 1e6 / time(() => rng.addGaussianU64(buffer, gaussians, sigma), runs),
    'M samples/s',
  );
  const single = quick ? 20_000 : 200_000;
  add(
    'csprng gaussianI64 (one call from JS)',
    single / 1e6 / time(() => {
      for (let i = 0; i < single; i++) rng.gaussianI64(sigma);
    }, runs),
    'M samples/s',
  );
  const key = crypto.getRandomValues(new Uint8Array(32));
  new Uint8Array(tfhe.memory.buffer, keyPtr, 32).set(key);
  add(
    'chacha20Keystream (wasm, SIMD)',
    (words * 8) / MB / time(() => tfhe.chacha20Keystream(keyPtr, keyPtr + 32, 0, buffer, words * 8), runs),
    'MB/s',
  );
  const nobleBytes = new Uint8Array(Math.min(words * 8, 16 << 20));
  const nonce = new Uint8Array(12);
  add(
    'chacha20 @noble/ciphers (peer, JS)',
    nobleBytes.length / MB / time(() => chacha20(key, nonce, nobleBytes, nobleBytes), runs),
    'MB/s',
  );
  const masks = new BigUint64Array(tfhe.memory.buffer, buffer, words).slice();
  add('crc64 (wire checksum)', (words * 8) / MB / time(() => crc64(new Uint8Array(masks.buffer)), runs), 'MB/s');
  const sections = [{ type: 'u64', data: masks }];
  const frame = encodeFrame(FrameKind.EvaluationKeys, parameterSets[5], sections);
  add('encodeFrame', frame.length / MB / time(() => encodeFrame(FrameKind.EvaluationKeys, parameterSets[5], sections), runs), 'MB/s');
  add('decodeFrame', frame.length / MB / time(() => decodeFrame(frame, FrameKind.EvaluationKeys, parameterSets[5]), runs), 'MB/s');

  for (const ptr of [state, buffer, keyPtr]) allocator.release(ptr);
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const rows = await benchRandom({ quick });
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) console.log(`${r.name.padEnd(width)}  ${String(r.value).padStart(10)} ${r.unit}`);
  const out = new URL('./random-results.json', import.meta.url);
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), quick, rows }, null, 2) + '\n');
  console.log(`results written to ${fileURLToPath(out)}`);
}
