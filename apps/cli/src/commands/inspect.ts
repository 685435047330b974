import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import type { Write } from '../program.js';
import { textTable } from '../table.js';
import { INSPECT_FILE, type InspectReport } from './compile.js';

const PARAMETER_FIELDS = ['name', 'precision', 'lweDimension', 'glweDimension', 'polynomialSize', 'pbsBaseLog', 'pbsLevel', 'ksBaseLog', 'ksLevel', 'lweNoiseStdDev', 'glweNoiseStdDev'];

async function readIn(dir: string, name: string): Promise<Uint8Array | undefined> {
  return readFile(join(dir, name)).then((b) => new Uint8Array(b)).catch(() => undefined);
}

function keyValues(record: Record<string, unknown>, keys?: readonly string[]): string {
  const entries = Object.entries(record).filter(([k, v]) => (keys ? keys.includes(k) : true) && typeof v !== 'object');
  return textTable(['', ''], entries.map(([k, v]) => [k, String(v)])).split('\n').slice(2).join('\n');
}

/** `cml inspect <dir>`: the compiled graph with bit-widths, the parameters and the statistics of a deployment directory. */
export function registerInspect(program: Command, write: Write): void {
  program
    .command('inspect')
    .description('Show a deployment directory: graph with bit-widths, parameters, statistics')
    .argument('<dir>', 'deployment directory written by `cml compile`')
    .option('--json', 'machine-readable output')
    .action(async (dir: string, options: { json?: boolean }) => {
      const serverBytes = await readIn(dir, 'server.bin');
      if (serverBytes === undefined) throw new UserError(`${dir} has no server.bin: not a deployment directory written by \`cml compile\``);
      const { Server } = await import('@cml/compiler');
      const { integerTypeFor } = await import('@cml/tracer');
      const { spec } = Server.load(serverBytes);
      const reportBytes = await readIn(dir, INSPECT_FILE);
      const report = reportBytes === undefined ? undefined : (JSON.parse(new TextDecoder().decode(reportBytes)) as InspectReport);
      const instructions = spec.program.instructions.map((ins, i) => {
        const value = spec.program.values.find((v) => v.id === ins.output);
        const type = value ? integerTypeFor(value.min, value.max) : undefined;
        return [String(i), ins.kind, value ? `[${value.min}, ${value.max}]` : '-', type ? `${type.signed ? 'int' : 'uint'}${type.bitWidth}` : '-'];
      });
      if (options.json) {
        write(JSON.stringify({ circuit: spec.circuit, parameters: spec.parameters, statistics: report?.statistics, graph: report?.graph }, null, 2));
        return;
      }
      write(
        [
          `circuit ${spec.circuit}${report ? ` (${report.model})` : ''}`,
          '',
          'graph (bit-widths and ranges measured on the inputset):',
          report?.graph ?? `(no ${INSPECT_FILE}: directory not written by \`cml compile\`)`,
          '',
          `FHE program: ${spec.program.instructions.length} instructions, message width ${spec.program.precision} bits`,
          textTable(['#', 'kind', 'range', 'type'], instructions),
          '',
          'parameters:',
          keyValues(spec.parameters as unknown as Record<string, unknown>, PARAMETER_FIELDS),
          ...(report ? ['', 'statistics:', keyValues(report.statistics as Record<string, unknown>)] : []),
        ].join('\n'),
      );
    });
}
