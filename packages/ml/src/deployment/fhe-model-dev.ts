import type { FheModel } from '../fhe/fhe-model.js';
import { DEPLOYMENT_FILES, writeFiles } from './files.js';

/**
 * The developer role: writes a compiled model's deployment directory. The client files hold
 * the quantization and post-processing (client.json) and the circuit's client side
 * (client.bin); the server file (server.bin) holds the program and parameters only.
 */
export class FHEModelDev {
  constructor(
    readonly dir: string,
    readonly model: FheModel,
  ) {}

  /** The deployment files as bytes, by file name. */
  artifacts(): Record<string, Uint8Array> {
    return {
      [DEPLOYMENT_FILES.spec]: new TextEncoder().encode(JSON.stringify(this.model.spec)),
      [DEPLOYMENT_FILES.client]: this.model.circuit.client.serialize(),
      [DEPLOYMENT_FILES.server]: this.model.circuit.server.serialize(),
    };
  }

  async save(): Promise<void> {
    await writeFiles(this.dir, this.artifacts());
  }
}
