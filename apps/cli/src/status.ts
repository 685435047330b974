/** One capability of the product and whether it works today. README's status table mirrors this list. */
export interface Capability {
  readonly area: string;
  readonly capability: string;
  readonly status: 'done' | 'partial' | 'planned';
  readonly issue: number;
}

export const capabilities: readonly Capability[] = [
  { area: 'foundation', capability: 'pnpm + turbo monorepo, strict TS, jest, lint, changesets, CI', status: 'done', issue: 2 },
  { area: '@cml/tfhe-wasm', capability: 'TFHE core in AssemblyScript/WASM (keys, PBS, serialization, worker pool)', status: 'partial', issue: 3 },
  { area: '@cml/tracer', capability: 'numpy-style tracing to a DAG, clear evaluation, bounds', status: 'done', issue: 4 },
  { area: '@cml/compiler', capability: 'passes, parameter optimizer, Circuit/Client/Server', status: 'done', issue: 5 },
  { area: '@cml/ml', capability: 'scikit-learn-style models, tfjs conversion, deployment', status: 'done', issue: 6 },
  { area: 'apps/cli', capability: 'cml demo / compile / keygen / encrypt / run / decrypt / serve / inspect / bench', status: 'done', issue: 7 },
  { area: 'apps/server + apps/web', capability: 'encrypted inference over HTTP with a browser client', status: 'done', issue: 8 },
];

/** Renders the capabilities as a Markdown table (the same text README.md carries). */
export function statusTable(list: readonly Capability[] = capabilities): string {
  const rows = list.map((c) => `| ${c.area} | ${c.capability} | ${c.status} | #${c.issue} |`);
  return ['| area | capability | status | issue |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
