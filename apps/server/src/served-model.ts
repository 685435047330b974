import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { Client, Server, type ClientSpec } from '@cml/compiler';
import { DEPLOYMENT_FILES, FHEModelServer, type QuantizedModelSpec } from '@cml/ml';
import { ServerConfigError } from './errors.js';

/** What GET /models/:id/client returns: everything a client needs, nothing secret. */
export interface ClientDescription {
  readonly id: string;
  /** Quantization and post-processing (client.json). */
  readonly model: QuantizedModelSpec;
  /** Circuit inputs, outputs, precision and TFHE parameters. */
  readonly circuit: ClientSpec;
  /** client.bin, base64, for Client.load in a JavaScript client. */
  readonly clientBin: string;
}

/** One deployment directory loaded for serving. */
export interface ServedModel {
  readonly id: string;
  readonly dir: string;
  readonly server: FHEModelServer;
  readonly circuit: ClientSpec;
  readonly description: ClientDescription;
  /** Programmable bootstraps per run (lookup-table elements), for bootstraps/s. */
  readonly bootstrapsPerRun: number;
}

export interface ModelSource {
  readonly id?: string;
  readonly dir: string;
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export async function loadServedModel(source: ModelSource): Promise<ServedModel> {
  const dir = resolve(source.dir);
  const id = source.id ?? basename(dir);
  if (!ID_PATTERN.test(id)) throw new ServerConfigError(`model id '${id}' must match ${ID_PATTERN.source}`);
  const read = async (name: string): Promise<Uint8Array> => {
    try {
      return new Uint8Array(await readFile(join(dir, name)));
    } catch (error) {
      throw new ServerConfigError(`${dir} is not a deployment directory: ${(error as Error).message}`);
    }
  };
  const [specBytes, clientBytes, serverBytes] = await Promise.all([
    read(DEPLOYMENT_FILES.spec),
    read(DEPLOYMENT_FILES.client),
    read(DEPLOYMENT_FILES.server),
  ]);
  const model = JSON.parse(new TextDecoder().decode(specBytes)) as QuantizedModelSpec;
  const circuit = Client.load(clientBytes).spec;
  const program = Server.load(serverBytes).spec.program;
  let bootstrapsPerRun = 0;
  for (const instruction of program.instructions) {
    if (instruction.kind === 'lookup') bootstrapsPerRun += instruction.element.length;
  }
  return {
    id,
    dir,
    server: await new FHEModelServer(dir).load(),
    circuit,
    bootstrapsPerRun,
    description: { id, model, circuit, clientBin: Buffer.from(clientBytes).toString('base64') },
  };
}
