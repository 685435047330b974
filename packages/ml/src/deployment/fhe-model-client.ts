import {
  CircuitMismatchError,
  Client,
  CorruptedDataError,
  deserializeEncrypted,
  serializeEncrypted,
} from '@cml/compiler';
import { DeserializationError, ParameterMismatchError } from '@cml/tfhe-wasm';
import type { QuantizedModelSpec } from '../fhe/client-spec.js';
import { DeploymentError } from '../fhe/errors.js';
import { quantizeRows } from '../fhe/fhe-model.js';
import { predictionFromScores, probabilitiesFromScores, scoresFromOutputs } from '../fhe/post-processing.js';
import { DEPLOYMENT_FILES, readFileIn } from './files.js';
import { packSecretKey, unpackSecretKey } from './secret-key-bytes.js';

/** A decrypted, dequantized result: the model's prediction, its scores and (classifiers) probabilities. */
export interface ClientResult {
  readonly prediction: number;
  readonly scores: number[];
  readonly probabilities: number[] | undefined;
}

/**
 * The client role: holds the secret key. Quantizes and encrypts inputs, decrypts and
 * dequantizes results; the server only ever sees ciphertext bytes and evaluation keys.
 * Built from a deployment directory (`new FHEModelClient(dir)`, Node) or from the bytes of
 * client.json and client.bin (`FHEModelClient.fromBytes`, any platform: no file system).
 */
export class FHEModelClient {
  private spec: QuantizedModelSpec | undefined;
  private client: Client | undefined;

  constructor(readonly dir?: string) {}

  /**
   * A client from the two client files' bytes (e.g. fetched from a server's
   * `GET /models/:id/client`); never touches a file system.
   */
  static fromBytes(specJson: Uint8Array, clientBin: Uint8Array): FHEModelClient {
    const client = new FHEModelClient();
    client.setFiles(specJson, clientBin);
    return client;
  }

  /** Reads client.json and client.bin (done by key generation if not called first). */
  async load(): Promise<this> {
    if (this.client !== undefined) return this;
    if (this.dir === undefined) throw new DeploymentError('FHEModelClient: no directory to load from (use fromBytes)');
    this.setFiles(await readFileIn(this.dir, DEPLOYMENT_FILES.spec), await readFileIn(this.dir, DEPLOYMENT_FILES.client));
    return this;
  }

  async generatePrivateAndEvaluationKeys(): Promise<void> {
    await this.load();
    await this.ready().client.keygen();
  }

  /** The public evaluation keys as bytes for the server (no secret). */
  getSerializedEvaluationKeys(): Uint8Array {
    return this.ready().client.serializeEvaluationKeys();
  }

  /**
   * The secret key as bytes, for the client's own storage only (a private file, IndexedDB):
   * never send them. Tagged with this circuit and the id of the current evaluation keys.
   */
  serializeSecretKey(): Uint8Array {
    const { client } = this.ready();
    const secret = client.serializeSecretKey();
    const header = { circuit: client.spec.circuit, parameters: client.spec.parameters.name, keys: client.keyId };
    return packSecretKey(header, secret);
  }

  /**
   * Restores the keys saved with serializeSecretKey() and getSerializedEvaluationKeys().
   * A secret key of another model, or evaluation keys of another key generation, is a
   * CircuitMismatchError; damaged bytes are a CorruptedDataError. On error the client keeps
   * the keys it had.
   */
  async loadKeys(secretKeyBytes: Uint8Array, evaluationKeyBytes: Uint8Array): Promise<void> {
    await this.load();
    const { header, secret } = unpackSecretKey(secretKeyBytes);
    const { client } = this.ready();
    if (header.circuit !== client.spec.circuit) {
      throw new CircuitMismatchError(
        `the secret key belongs to circuit ${header.circuit}, this client's model is circuit ${client.spec.circuit}`,
      );
    }
    const restored = new Client(client.spec);
    try {
      await restored.loadKeys(secret, evaluationKeyBytes);
      if (restored.keyId !== header.keys) {
        throw new CircuitMismatchError(
          `the evaluation keys (${restored.keyId}) were not generated with this secret key (its keys are ${header.keys})`,
        );
      }
    } catch (error) {
      restored.dispose();
      throw keyError(error);
    }
    client.dispose();
    this.client = restored;
  }

  /** Id of the current keys (the server sees the same id in every ciphertext bundle). */
  get keyId(): string {
    return this.ready().client.keyId;
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

  private setFiles(specJson: Uint8Array, clientBin: Uint8Array): void {
    let spec: QuantizedModelSpec;
    try {
      spec = JSON.parse(new TextDecoder().decode(specJson)) as QuantizedModelSpec;
    } catch {
      throw new DeploymentError(`${DEPLOYMENT_FILES.spec} is not JSON`);
    }
    if (typeof spec !== 'object' || spec === null || typeof spec.modelName !== 'string') {
      throw new DeploymentError(`${DEPLOYMENT_FILES.spec} holds no quantized model specification`);
    }
    this.client = Client.load(clientBin);
    this.spec = spec;
  }

  private ready(): { spec: QuantizedModelSpec; client: Client } {
    if (this.spec === undefined || this.client === undefined) {
      throw new DeploymentError('FHEModelClient: call generatePrivateAndEvaluationKeys() (or load()) first');
    }
    return { spec: this.spec, client: this.client };
  }
}

/**
 * tfhe-wasm's key-reading errors in the compiler's terms (as the server reports them). The
 * secret key's circuit was checked first, so other parameters can only come from the
 * evaluation keys.
 */
function keyError(error: unknown): unknown {
  const mismatch = (message: string) => new CircuitMismatchError(`evaluation keys of another model: ${message}`);
  if (error instanceof ParameterMismatchError) return mismatch(error.message);
  if (error instanceof DeserializationError) {
    return error.reason === 'parameter-mismatch' ? mismatch(error.message) : new CorruptedDataError(`keys: ${error.message}`);
  }
  return error;
}
