import { deserializeEncrypted, serializeEncrypted, Server, disposeEncrypted } from '@cml/compiler';
import { EvaluationKeys, type WorkerPool } from '@cml/tfhe-wasm';
import { DeploymentError } from '../fhe/errors.js';
import { DEPLOYMENT_FILES, readFileIn } from './files.js';

/** Options of FHEModelServer.run. */
export interface FHEModelServerRunOptions {
  /**
   * Worker threads for the bootstraps (`WorkerPool.create()` after `initTfhe({ threads: true })`):
   * the calling thread stays free while lookups run. Default: run on the calling thread.
   */
  readonly pool?: WorkerPool;
  /** Fraction of the program's instructions done, 0..1. */
  readonly onProgress?: (done: number) => void;
}

/** The server role: reads server.bin only (no secret, no quantization) and runs ciphertext bytes. */
export class FHEModelServer {
  private server: Server | undefined;
  /** The last evaluation keys read, by their bytes: a client sends them once and reuses them. */
  private cached: { bytes: Uint8Array; keys: EvaluationKeys } | undefined;

  constructor(readonly dir?: string) {}

  /** A server from server.bin's bytes (no file system). */
  static fromBytes(serverBin: Uint8Array): FHEModelServer {
    const server = new FHEModelServer();
    server.server = Server.load(serverBin);
    return server;
  }

  async load(): Promise<this> {
    if (this.server !== undefined) return this;
    if (this.dir === undefined) throw new DeploymentError('FHEModelServer: no directory to load from (use fromBytes)');
    this.server = Server.load(await readFileIn(this.dir, DEPLOYMENT_FILES.server));
    return this;
  }

  /**
   * Reads a client's serialized evaluation keys once (checked against this model's parameters),
   * for servers that keep keys between requests; the caller owns and disposes the result.
   */
  async loadEvaluationKeys(bytes: Uint8Array): Promise<EvaluationKeys> {
    if (this.server === undefined) throw new DeploymentError('FHEModelServer: call load() first');
    return this.server.loadEvaluationKeys(bytes);
  }

  /**
   * Runs the circuit on one encrypted sample with the client's evaluation keys, as bytes (read
   * and cached here) or as keys already loaded with loadEvaluationKeys(); returns the encrypted
   * outputs as bytes. `options.pool` spreads the bootstraps over worker threads.
   */
  async run(
    encrypted: Uint8Array,
    evaluationKeys: Uint8Array | EvaluationKeys,
    options: FHEModelServerRunOptions = {},
  ): Promise<Uint8Array> {
    if (this.server === undefined) throw new DeploymentError('FHEModelServer: call load() first');
    const keys =
      evaluationKeys instanceof EvaluationKeys ? evaluationKeys : await this.keysFrom(this.server, evaluationKeys);
    const args = await deserializeEncrypted(encrypted, this.server.spec.parameters);
    try {
      const results = await this.server.run(args, keys, options);
      try {
        return serializeEncrypted(results);
      } finally {
        disposeEncrypted(results);
      }
    } finally {
      disposeEncrypted(args);
    }
  }

  /** Frees the evaluation keys held since the last run. */
  dispose(): void {
    this.cached?.keys.dispose();
    this.cached = undefined;
  }

  private async keysFrom(server: Server, bytes: Uint8Array): Promise<EvaluationKeys> {
    if (this.cached?.bytes !== bytes) {
      const keys = await server.loadEvaluationKeys(bytes);
      this.dispose();
      this.cached = { bytes, keys };
    }
    return this.cached.keys;
  }
}
