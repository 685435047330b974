// Multi-bit vs classic KS+PBS, single thread, interleaved A/B/C sample by sample in one process
// (the machine is shared). `node bench/multi-bit.js [--quick]`: --quick runs 4 bits only.
// Writes bench/multi-bit-results.json and prints a table. Needs `pnpm build` first (reads dist/).
import { writeFileSync } from 'node:fs';
import { ClientKey, getParameterSet, initTfhe } from '../dist/index.js';
import { MultiBitEvaluationKeys, getMultiBitParameterSet } from '../dist/multi-bit/index.js';

const quick = process.argv.includes('--quick');
const precisions = quick ? [4] : [4, 6];
const SAMPLES = 11;
const WARMUP = 2;

function cpuMs(fn) {
  const start = process.cpuUsage();
  const wall = performance.now();
  fn();
  const used = process.cpuUsage(start);
  return { cpu: (used.user + used.system) / 1000, wall: performance.now() - wall };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const tfhe = await initTfhe();
const results = [];
const profiles = [];

/**
 * CPU microseconds per group (multi-bit) or per key bit (classic) of each stage of the blind
 * rotation, each stage run over the whole key in order (so the key streams from memory as in
 * a bootstrap): the Fourier factors of X^(e_p) - 1, the combination of the group's GGSWs, the
 * external product with the combination, and the classic CMUX.
 */
function profileStages(precision, contenders) {
  const rows = [];
  const { allocator } = tfhe;
  const [classic, ...multi] = contenders;
  const { glweDimension: k, polynomialSize: N, pbsBaseLog: classicBase, pbsLevel: classicLevel, lweDimension: classicN } = classic.params;
  const acc = allocator.allocZeroed(2 * N * 8);
  const cmuxScratch = allocator.alloc(tfhe.blindRotateScratchBytes(k, N));
  const classicGgsw = tfhe.ggswFourierBytes(k, N, classicLevel);
  const perBit = cpuMs(() => {
    for (let i = 0; i < classicN; i++) tfhe.cmuxRotate(acc, classic.keys.bootstrapKey + i * classicGgsw, 1 + (i % 97), k, N, classicBase, classicLevel, classic.keys.twiddles, cmuxScratch);
  }).cpu * 1000 / classicN;
  rows.push({ precision, label: classic.label, cmuxUsPerBit: +perBit.toFixed(1) });
  allocator.release(cmuxScratch);
  for (const c of multi) {
    const { lweDimension: n, groupingFactor: g, pbsBaseLog: base, pbsLevel: level } = c.params;
    const patterns = 2 ** g - 1;
    const groups = n / g;
    const ggswBytes = tfhe.ggswFourierBytes(k, N, level);
    const stride = tfhe.ggswFourierPolynomialStride(N);
    const factors = allocator.alloc(patterns * N * 8);
    const combined = allocator.alloc(ggswBytes);
    const productScratch = allocator.alloc(tfhe.multiBitExternalProductK1ScratchBytes(N));
    const switched = allocator.alloc(16);
    new Int32Array(tfhe.memory.buffer, switched, 4).set([5, 2 * N - 7, 1001, 77]);
    const { slotExponents, roots } = c.keys.monomials;
    const perGroup = (fn) => (cpuMs(() => {
      for (let i = 0; i < groups; i++) fn(i);
    }).cpu * 1000) / groups;
    const factorUs = perGroup(() => tfhe.multiBitGroupFactors(factors, switched, g, slotExponents, roots, N));
    const combineUs = perGroup((i) => tfhe.multiBitCombineGgsw(combined, c.keys.bootstrapKey + i * patterns * ggswBytes, ggswBytes, factors, patterns, level * (k + 1) ** 2, stride, N));
    const productUs = perGroup(() => tfhe.multiBitExternalProductAddK1(acc, combined, N, base, level, c.keys.twiddles, productScratch));
    rows.push({
      precision,
      label: c.label,
      factorsUsPerGroup: +factorUs.toFixed(1),
      combineUsPerGroup: +combineUs.toFixed(1),
      externalProductUsPerGroup: +productUs.toFixed(1),
      usPerKeyBit: +((factorUs + combineUs + productUs) / g).toFixed(1),
    });
    for (const ptr of [factors, combined, productScratch, switched]) allocator.release(ptr);
  }
  allocator.release(acc);
  return rows;
}
for (const precision of precisions) {
  const contenders = [];
  const classic = getParameterSet({ precision });
  for (const [label, params, makeKeys] of [
    ['classic', classic, (key) => key.evaluationKeys()],
    ['multi-bit g=2', getMultiBitParameterSet(precision, 2), (key) => MultiBitEvaluationKeys.generate(key)],
    ['multi-bit g=3', getMultiBitParameterSet(precision, 3), (key) => MultiBitEvaluationKeys.generate(key)],
  ]) {
    const key = ClientKey.generate(params);
    let keys;
    const keygen = cpuMs(() => {
      keys = makeKeys(key);
    });
    contenders.push({ label, params, key, keys, keygenMs: keygen.cpu, bskBytes: keys.bootstrapKeyBytes, cpu: [], wall: [] });
    process.stderr.write(`${precision} bits ${label}: keys in ${keygen.cpu.toFixed(0)} ms cpu\n`);
  }
  const table = Array.from({ length: 2 ** precision }, (_, i) => (i * 3 + 1) % 2 ** precision);
  for (let sample = 0; sample < WARMUP + SAMPLES; sample++) {
    for (const c of contenders) {
      const m = sample % 2 ** precision;
      const ct = c.key.encrypt(m);
      let out;
      const t = cpuMs(() => {
        out = c.keys.applyLookupTable(ct, table);
      });
      if (c.key.decrypt(out) !== table[m]) throw new Error(`${c.label}: wrong lookup result`);
      ct.dispose();
      out.dispose();
      if (sample >= WARMUP) {
        c.cpu.push(t.cpu);
        c.wall.push(t.wall);
      }
    }
  }
  profiles.push(...profileStages(precision, contenders));
  const base = median(contenders[0].cpu);
  for (const c of contenders) {
    const p = c.params;
    results.push({
      precision,
      label: c.label,
      name: p.name,
      n: p.lweDimension,
      k: p.glweDimension,
      N: p.polynomialSize,
      pbsLevel: p.pbsLevel,
      groupingFactor: p.groupingFactor ?? 1,
      keygenCpuMs: Math.round(c.keygenMs),
      bootstrapKeyMiB: +(c.bskBytes / 2 ** 20).toFixed(1),
      ksPbsCpuMsMedian: +median(c.cpu).toFixed(2),
      ksPbsWallMsMedian: +median(c.wall).toFixed(2),
      ksPbsCpuMsMin: +Math.min(...c.cpu).toFixed(2),
      speedupVsClassic: +(base / median(c.cpu)).toFixed(3),
      // Median of the per-round ratios: each round times the sets back to back, so a load change
      // between rounds cancels out.
      pairedSpeedupVsClassic: +median(c.cpu.map((t, i) => contenders[0].cpu[i] / t)).toFixed(3),
      samples: c.cpu.length,
    });
    c.keys.dispose();
    c.key.dispose();
  }
}

console.log('bits  set            n, k, N, l          g  BSK MiB  keygen ms  KS+PBS cpu (wall) median  min     vs classic (paired)');
for (const r of results) {
  console.log(
    `${String(r.precision).padEnd(5)} ${r.label.padEnd(14)} ${`${r.n}, ${r.k}, ${r.N}, ${r.pbsLevel}`.padEnd(19)} ${r.groupingFactor}  ${String(r.bootstrapKeyMiB).padStart(7)}  ${String(r.keygenCpuMs).padStart(9)}  ${r.ksPbsCpuMsMedian.toFixed(1).padStart(8)} (${r.ksPbsWallMsMedian.toFixed(1)})          ${r.ksPbsCpuMsMin.toFixed(1).padStart(6)}  ${r.speedupVsClassic.toFixed(2)}x (${r.pairedSpeedupVsClassic.toFixed(2)}x)`,
  );
}
console.log('\nblind rotation stages, cpu us (each over the whole key, in order)');
console.log('bits  set            factors/group  combine/group  ext. product/group  per key bit (classic: one CMUX)');
for (const r of profiles) {
  if (r.cmuxUsPerBit !== undefined) {
    console.log(`${String(r.precision).padEnd(5)} ${r.label.padEnd(14)} ${'-'.padStart(13)}  ${'-'.padStart(13)}  ${'-'.padStart(18)}  ${r.cmuxUsPerBit.toFixed(1)}`);
  } else {
    console.log(`${String(r.precision).padEnd(5)} ${r.label.padEnd(14)} ${r.factorsUsPerGroup.toFixed(1).padStart(13)}  ${r.combineUsPerGroup.toFixed(1).padStart(13)}  ${r.externalProductUsPerGroup.toFixed(1).padStart(18)}  ${r.usPerKeyBit.toFixed(1)}`);
  }
}
writeFileSync(new URL('./multi-bit-results.json', import.meta.url), JSON.stringify({ date: new Date().toISOString(), node: process.version, samples: SAMPLES, results, profiles }, null, 2) + '\n');
