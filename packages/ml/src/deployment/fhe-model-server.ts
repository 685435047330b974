import { deserializeEncrypted, serializeEncrypted, Server, disposeEncrypted } from '@cml/compiler';
import type { EvaluationKeys } from '@cml/tfhe-wasm';
import { DeploymentError } from '../fhe/errors.js';
import { DEPLOYMENT_FILES, readFileIn } from './files.js';

/** The server role: reads server.bin only (no secret, no quantization) and runs ciphertext bytes. */
export class FHEModelServer {
  private server: Server | undefined;

  constructor(readonly dir: string) {}

  async load(): Promise<this> {
    this.server = Server.load(await readFileIn(this.dir, DEPLOYMENT_FILES.server));
    return this;
  }

  /** Runs the circuit on one encrypted sample; returns the encrypted outputs as bytes. */
  async run(encrypted: Uint8Array, evaluationKeys: EvaluationKeys): Promise<Uint8Array> {
    if (this.server === undefined) throw new DeploymentError('FHEModelServer: call load() first');
    const args = await deserializeEncrypted(encrypted, this.server.spec.parameters);
    try {
      const results = await this.server.run(args, evaluationKeys);
      try {
        return serializeEncrypted(results);
      } finally {
        disposeEncrypted(results);
      }
    } finally {
      disposeEncrypted(args);
    }
  }
}
