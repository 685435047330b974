import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import type { Write } from '../program.js';
import { textTable } from '../table.js';

/** The monorepo root, from apps/cli/dist or apps/cli/src. */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MAX_METRICS = 5;

export interface BenchRow {
  readonly pkg: string;
  readonly file: string;
  readonly section: string;
  readonly entry: string;
  readonly metrics: string;
}

function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3);
}

/** One row per entry of every list of records in a results file: its label and its first numeric measurements. */
export function summarizeResults(pkg: string, file: string, json: unknown): BenchRow[] {
  if (typeof json !== 'object' || json === null) return [];
  const rows: BenchRow[] = [];
  for (const [section, value] of Object.entries(json)) {
    if (!Array.isArray(value)) continue;
    for (const item of value) {
      if (typeof item !== 'object' || item === null) continue;
      const fields = Object.entries(item as Record<string, unknown>);
      const label = fields.find(([, v]) => typeof v === 'string');
      const metrics = fields
        .filter((f): f is [string, number] => typeof f[1] === 'number')
        .slice(0, MAX_METRICS)
        .map(([k, v]) => `${k}=${formatValue(v)}`);
      rows.push({ pkg, file, section, entry: label ? String(label[1]) : '-', metrics: metrics.join(' ') });
    }
  }
  return rows;
}

async function benchPackages(): Promise<{ name: string; dir: string; scripts: Record<string, string> }[]> {
  const packagesDir = join(ROOT, 'packages');
  const found = [];
  for (const name of (await readdir(packagesDir)).sort()) {
    const manifest = await readFile(join(packagesDir, name, 'package.json'), 'utf8').catch(() => undefined);
    if (manifest === undefined) continue;
    const parsed = JSON.parse(manifest) as { name: string; scripts?: Record<string, string> };
    if (parsed.scripts?.bench) found.push({ name: parsed.name, dir: join(packagesDir, name), scripts: parsed.scripts });
  }
  return found;
}

/** Results files a package's bench writes: bench/*results.json, or artifacts/bench.json (paths relative to the package). */
async function resultFiles(dir: string): Promise<string[]> {
  const inBench = (await readdir(join(dir, 'bench')).catch(() => [] as string[])).filter((f) => f.endsWith('results.json')).sort();
  const artifacts = (await readdir(join(dir, 'artifacts')).catch(() => [] as string[])).includes('bench.json') ? ['artifacts/bench.json'] : [];
  return [...inBench.map((f) => `bench/${f}`), ...artifacts];
}

/** `cml bench`: runs every package's bench script (or reads their committed results) and prints one summary table. */
export function registerBench(program: Command, write: Write): void {
  program
    .command('bench')
    .description("Run the packages' benchmarks and print one summary table")
    .option('--from-results', 'do not run anything: summarize the committed bench/*results.json files')
    .option('--quick', 'run bench:quick where a package has it')
    .option('--packages <list>', 'comma-separated package names (default: every package with a bench script)')
    .option('--json', 'machine-readable output')
    .action(async (options: { fromResults?: boolean; quick?: boolean; packages?: string; json?: boolean }) => {
      let packages = await benchPackages();
      if (options.packages !== undefined) {
        const wanted = options.packages.split(',').map((s) => s.trim());
        const unknown = wanted.filter((w) => !packages.some((p) => p.name === w || p.name === `@cml/${w}`));
        if (unknown.length > 0) throw new UserError(`no package with a bench script named ${unknown.join(', ')}; have ${packages.map((p) => p.name).join(', ')}`);
        packages = packages.filter((p) => wanted.includes(p.name) || wanted.includes(p.name.replace('@cml/', '')));
      }
      if (!options.fromResults) {
        for (const p of packages) {
          const script = options.quick && p.scripts['bench:quick'] ? 'bench:quick' : 'bench';
          process.stderr.write(`cml bench: ${p.name} ${script}\n`);
          const run = spawnSync('pnpm', ['run', script], { cwd: p.dir, stdio: ['ignore', 'ignore', 'inherit'] });
          if (run.status !== 0) throw new Error(`${p.name} ${script} failed with exit code ${run.status}`);
        }
      }
      const rows: BenchRow[] = [];
      for (const p of packages) {
        const files = await resultFiles(p.dir);
        if (files.length === 0) rows.push({ pkg: p.name, file: '-', section: '-', entry: '(no results file)', metrics: '' });
        for (const file of files) {
          const json = JSON.parse(await readFile(join(p.dir, file), 'utf8')) as unknown;
          rows.push(...summarizeResults(p.name, file, json));
        }
      }
      if (rows.every((r) => r.file === '-')) throw new UserError('no bench/*results.json files found; run `cml bench` without --from-results');
      write(
        options.json
          ? JSON.stringify(rows, null, 2)
          : textTable(['package', 'file', 'section', 'entry', 'measurements'], rows.map((r) => [r.pkg, r.file, r.section, r.entry, r.metrics])),
      );
    });
}
