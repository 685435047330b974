/**
 * The peer in the benchmark: node-tfhe 1.7.0 (tfhe-rs compiled to WASM). It exposes no
 * server-side operation to JavaScript; the only keyswitch + bootstrap reachable from JS is the
 * one tfhe-rs runs to unpack a packed compact ciphertext list. So one KS+PBS is timed as
 * expanding a packed list holding one boolean (default config: 2+2-bit message/carry blocks).
 */
import { createRequire } from 'node:module';

export async function benchNodeTfhe({ repetitions }) {
  const require = createRequire(import.meta.url);
  const tfhe = require('node-tfhe');
  const started = performance.now();
  const config = tfhe.TfheConfigBuilder.default().build();
  const clientKey = tfhe.TfheClientKey.generate(config);
  const serverKey = tfhe.TfheServerKey.new(clientKey);
  const publicKey = tfhe.TfheCompactPublicKey.new(clientKey);
  tfhe.set_server_key(serverKey);
  const keygenMs = performance.now() - started;
  const packOne = (value) => {
    const builder = tfhe.CompactCiphertextList.builder(publicKey);
    builder.push_boolean(value);
    return builder.build_packed();
  };
  const times = [];
  const cpuTimes = []; // CPU time of this thread: far less sensitive to other processes
  let correct = true;
  for (let i = 0; i <= repetitions; i++) {
    const value = i % 2 === 0;
    const list = packOne(value);
    const c = process.cpuUsage();
    const t = performance.now();
    const expander = list.expand();
    const bool = expander.get_bool(0);
    const elapsed = performance.now() - t;
    const used = process.cpuUsage(c);
    if (i > 0) {
      // the first run is warm-up
      times.push(elapsed);
      cpuTimes.push((used.user + used.system) / 1000);
    }
    correct &&= bool.decrypt(clientKey) === value;
    for (const o of [bool, expander, list]) o.free();
  }
  return { keygenMs, ksPbsMs: median(times), ksPbsCpuMs: median(cpuTimes), ksPbsFastestMs: Math.min(...times), samples: times.length, correct };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
