import { Client, deserializeEncrypted, serializeEncrypted } from '@cml/compiler';
import type { QuantizedModelSpec } from '../fhe/client-spec.js';
import { DeploymentError } from '../fhe/errors.js';
import { quantizeRows } from '../fhe/fhe-model.js';
import { predictionFromScores, probabilitiesFromScores, scoresFromOutputs } from '../fhe/post-processing.js';
import { DEPLOYMENT_FILES, readFileIn } from './files.js';

/** A decrypted, dequantized result: the model's prediction, its scores and (classifiers) probabilities. */
export interface ClientResult {
  readonly prediction: number;
  readonly scores: number[];
  readonly probabilities: number[] | undefined;
}

/**
 * The client role: holds the secret key. Quantizes and encrypts inputs, decrypts and
 * dequantizes results; the server only ever sees ciphertext bytes and evaluation keys.
 */
export class FHEModelClient {
  private spec: QuantizedModelSpec | undefined;
  private client: Client | undefined;

  constructor(readonly dir: string) {}

  /** Reads client.json and client.bin (done by key generation if not called first). */
  async load(): Promise<this> {
    const json = new TextDecoder().decode(await readFileIn(this.dir, DEPLOYMENT_FILES.spec));
    this.spec = JSON.parse(json) as QuantizedModelSpec;
    this.client = Client.load(await readFileIn(this.dir, DEPLOYMENT_FILES.client));
    return this;
  }

  async generatePrivateAndEvaluationKeys(): Promise<void> {
    if (this.client === undefined) await this.load();
    await this.ready().client.keygen();
  }

  /** The public evaluation keys as bytes for the server (no secret). */
  getSerializedEvaluationKeys(): Uint8Array {
    return this.ready().client.serializeEvaluationKeys();
  }

  /** Quantizes one sample and encrypts it into bytes for the server. */
  quantizeEncryptSerialize(x: ArrayLike<number>): Uint8Array {
    const { spec, client } = this.ready();
    const [q] = quantizeRows(spec, [x]);
    return serializeEncrypted(client.encrypt(q as number[]));
  }

  async deserializeDecryptDequantize(bytes: Uint8Array): Promise<ClientResult> {
    const { spec, client } = this.ready();
    const outputs = client.decrypt(await deserializeEncrypted(bytes, client.spec.parameters)).flatMap((o) => o.toArray());
    const scores = scoresFromOutputs(spec, outputs);
    return { prediction: predictionFromScores(spec, scores), scores, probabilities: probabilitiesFromScores(spec, scores) };
  }

  dispose(): void {
    this.client?.dispose();
  }

  private ready(): { spec: QuantizedModelSpec; client: Client } {
    if (this.spec === undefined || this.client === undefined) {
      throw new DeploymentError('FHEModelClient: call generatePrivateAndEvaluationKeys() (or load()) first');
    }
    return { spec: this.spec, client: this.client };
  }
}
