/**
 * Interleaved A/B timing of two builds of the WASM core (used by compare-builds.js and
 * run.js): the same blind rotation and keyswitch (random keys of the preset's shape: timing
 * does not depend on their content) run on both modules, alternating sample by sample; the
 * median CPU time of each is reported, with the ratio of the fastest samples (other processes
 * only slow a sample down).
 */
import v8 from 'node:v8';
import { getParameterSet } from '../dist/index.js';

async function load(bytes) {
  const memory = new WebAssembly.Memory({ initial: 16, maximum: 65536 });
  const { instance } = await WebAssembly.instantiate(bytes, {
    env: {
      memory,
      abort() {
        throw new Error('abort');
      },
    },
  });
  const k = instance.exports;
  let top = (k.heapBase() + 63) & ~63;
  const alloc = (bytes) => {
    const ptr = top;
    top = (top + bytes + 63) & ~63;
    const need = Math.ceil(top / 65536) - memory.buffer.byteLength / 65536;
    if (need > 0) memory.grow(need);
    return ptr;
  };
  return { k, memory, alloc };
}

/** Fills `bytes` at ptr with a deterministic pattern: small f64 for Fourier data, any bits otherwise. */
function fill(memory, ptr, bytes, asF64) {
  let s = 987654321;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0);
  if (asF64) {
    const v = new Float64Array(memory.buffer, ptr, bytes / 8);
    for (let i = 0; i < v.length; i++) v[i] = (next() / 2 ** 32 - 0.5) * 2 ** 40;
  } else {
    const v = new Uint32Array(memory.buffer, ptr, bytes / 4);
    for (let i = 0; i < v.length; i++) v[i] = next();
  }
}

function setup({ k, memory, alloc }, p) {
  const { lweDimension: n, glweDimension: gk, polynomialSize: N, pbsBaseLog, pbsLevel, ksBaseLog, ksLevel } = p;
  const tw = alloc(k.fftTwiddlesBytes(N));
  k.fftInitTwiddles(tw, N);
  const bskBytes = k.ggswFourierBytes(gk, N, pbsLevel) * n;
  const bsk = alloc(bskBytes);
  fill(memory, bsk, bskBytes, true);
  const kskBytes = k.keyswitchKeyBytes(gk * N, n, ksLevel);
  const ksk = alloc(kskBytes);
  fill(memory, ksk, kskBytes, false);
  const accBytes = (gk + 1) * N * 8;
  const acc = alloc(accBytes);
  const accStart = alloc(accBytes);
  fill(memory, accStart, accBytes, false);
  const mask = alloc(n * 4);
  const m = new Int32Array(memory.buffer, mask, n);
  for (let i = 0; i < n; i++) m[i] = 1 + ((i * 2654435761) >>> 0) % (2 * N - 1);
  const scratch = alloc(k.blindRotateScratchBytes(gk, N));
  const big = alloc((gk * N + 1) * 8);
  fill(memory, big, (gk * N + 1) * 8, false);
  const small = alloc(k.keyswitchBootstrapScratchBytes(n, gk, N));
  return {
    rotate() {
      new Uint8Array(memory.buffer).copyWithin(acc, accStart, accStart + accBytes);
      k.blindRotate(acc, mask, bsk, n, gk, N, pbsBaseLog, pbsLevel, tw, scratch);
    },
    keyswitch() {
      k.keyswitchLweCiphertext(small, big, ksk, gk * N, n, ksBaseLog, ksLevel);
    },
  };
}

function cpu(run) {
  const c = process.cpuUsage();
  run();
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1000;
}

const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const fastest = (a) => Math.min(...a);
const round = (x) => Math.round(x * 100) / 100;

export async function compareBuilds(beforeBytes, afterBytes, precisions, samples = 9, log = console.log) {
  // A relaxed-SIMD build needs V8's flag on Node 20 (Node 22+ and Chrome have it on).
  if (!WebAssembly.validate(beforeBytes) || !WebAssembly.validate(afterBytes)) v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
  const rows = [];
for (const precision of precisions) {
  const p = getParameterSet({ precision });
  const before = setup(await load(beforeBytes), p);
  const after = setup(await load(afterBytes), p);
  const times = { rotate: [[], []], keyswitch: [[], []] };
  for (const which of ['rotate', 'keyswitch']) {
    // Warm-up: V8 tiers WASM functions up from Liftoff to TurboFan while they run.
    for (let i = 0; i < 3; i++) {
      before[which]();
      after[which]();
    }
    for (let i = 0; i < samples; i++) {
      times[which][0].push(cpu(before[which]));
      times[which][1].push(cpu(after[which]));
    }
  }
  const [rb, ra] = times.rotate.map(median);
  const [kb, ka] = times.keyswitch.map(median);
  const [rbMin, raMin] = times.rotate.map(fastest);
  const [kbMin, kaMin] = times.keyswitch.map(fastest);
  rows.push({
    bits: precision,
    'blind rotate before ms': round(rb),
    'blind rotate after ms': round(ra),
    'KS before ms': round(kb),
    'KS after ms': round(ka),
    'KS+PBS speed-up': round((rb + kb) / (ra + ka)),
    'speed-up of fastest': round((rbMin + kbMin) / (raMin + kaMin)),
  });
  log(rows.at(-1));
}
  return rows;
}
