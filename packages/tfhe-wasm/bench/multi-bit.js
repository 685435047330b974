// Multi-bit vs classic KS+PBS, single thread, interleaved A/B/C sample by sample in one process
// (the machine is shared). `node bench/multi-bit.js [--quick]`: --quick runs 4 bits only.
// Writes bench/multi-bit-results.json and prints a table. Needs `pnpm build` first (reads dist/).
import { writeFileSync } from 'node:fs';
import { ClientKey, getParameterSet, initTfhe } from '../dist/index.js';
import { MultiBitEvaluationKeys, getMultiBitParameterSet } from '../dist/multi-bit/index.js';

const quick = process.argv.includes('--quick');
const precisions = quick ? [4] : [4, 6];
const SAMPLES = 9;
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

await initTfhe();
const results = [];
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
      samples: c.cpu.length,
    });
    c.keys.dispose();
    c.key.dispose();
  }
}

console.log('bits  set            n, k, N, l          g  BSK MiB  keygen ms  KS+PBS cpu (wall) median  min     vs classic');
for (const r of results) {
  console.log(
    `${String(r.precision).padEnd(5)} ${r.label.padEnd(14)} ${`${r.n}, ${r.k}, ${r.N}, ${r.pbsLevel}`.padEnd(19)} ${r.groupingFactor}  ${String(r.bootstrapKeyMiB).padStart(7)}  ${String(r.keygenCpuMs).padStart(9)}  ${r.ksPbsCpuMsMedian.toFixed(1).padStart(8)} (${r.ksPbsWallMsMedian.toFixed(1)})          ${r.ksPbsCpuMsMin.toFixed(1).padStart(6)}  ${r.speedupVsClassic.toFixed(2)}x`,
  );
}
writeFileSync(new URL('./multi-bit-results.json', import.meta.url), JSON.stringify({ date: new Date().toISOString(), node: process.version, samples: SAMPLES, results }, null, 2) + '\n');
