import { ClientKey, EvaluationKeys } from '@cml/tfhe-wasm';
import type { ClearOperand, NdArray } from '@cml/tracer';
import { CircuitMismatchError, CircuitUsageError, CorruptedDataError } from '../errors.js';
import type { ClientSpec } from './circuit-spec.js';
import { flattenArguments, outputArrays } from './clear-values.js';
import { lazilyExpanded, type EncryptedValues } from './encrypted-values.js';
import { loadTfhe } from './fhe-backend.js';
import { keyId } from './fingerprint.js';
import { packFrame, unpackFrame } from './frame.js';
import { encryptSeeded, expandSeeded } from './seeded-ciphertexts.js';

/**
 * The client side of a circuit: generates the keys (the secret key never leaves this object),
 * encrypts arguments and decrypts results. Built from `circuit.client` or `Client.load(bytes)`.
 */
export class Client {
  private clientKey: ClientKey | undefined;
  private keys: EvaluationKeys | undefined;
  /** Keys borrowed from another client are not freed by this one. */
  private ownsKeys = true;

  constructor(readonly spec: ClientSpec) {}

  /** Bytes of the client specification (inputs, outputs, parameters, fingerprint; no key). */
  serialize(): Uint8Array {
    return packFrame('client', { spec: this.spec });
  }

  static load(bytes: Uint8Array): Client {
    const { header } = unpackFrame<{ spec: ClientSpec }>(bytes, 'client');
    if (header.spec?.format !== 'cml-client')
      throw new CorruptedDataError('the client bytes hold no client specification');
    if (header.spec.lookups !== undefined && typeof header.spec.lookups !== 'boolean')
      throw new CorruptedDataError('the client specification has a non-boolean `lookups` field');
    return new Client(header.spec);
  }

  /** Generates the secret key and the evaluation keys (the slow part: the bootstrap key). */
  async keygen(onProgress?: (phase: string, done: number) => void): Promise<void> {
    await loadTfhe();
    this.dispose();
    onProgress?.('keygen', 0);
    this.clientKey = ClientKey.generate(this.spec.parameters);
    this.keys = this.clientKey.evaluationKeys({ lookups: this.spec.lookups ?? true });
    onProgress?.('keygen', 1);
  }

  /**
   * Uses the keys of another client with the same parameter set (several circuits of one
   * application can share one key pair). The other client keeps ownership.
   */
  shareKeysFrom(other: Client): void {
    if (other === this) return;
    if (other.spec.parameters.name !== this.spec.parameters.name) {
      throw new CircuitMismatchError(
        `cannot share keys of parameters ${other.spec.parameters.name} with a circuit using ${this.spec.parameters.name}`,
      );
    }
    if (this.spec.lookups !== false && !other.evaluationKeys.lookups) {
      throw new CircuitMismatchError(
        'cannot share keys generated without lookups with a circuit that has table lookups',
      );
    }
    this.dispose();
    this.clientKey = other.secretKey();
    this.keys = other.evaluationKeys;
    this.ownsKeys = false;
  }

  get hasKeys(): boolean {
    return this.keys !== undefined;
  }

  /** The evaluation keys to hand to the server (public material only). */
  get evaluationKeys(): EvaluationKeys {
    if (!this.keys) throw new CircuitUsageError('no keys yet: call `await client.keygen()` first');
    return this.keys;
  }

  /** The evaluation keys as bytes for the server (seeded/compressed form; public material only). */
  serializeEvaluationKeys(): Uint8Array {
    return this.evaluationKeys.serialize();
  }

  /**
   * The secret key as bytes, for the client's own storage only: never send them anywhere.
   * `loadKeys` restores a client from these and its evaluation-key bytes.
   */
  serializeSecretKey(): Uint8Array {
    return this.secretKey().serialize();
  }

  /** Restores keys saved with serializeSecretKey() / serializeEvaluationKeys(). */
  async loadKeys(secretKeyBytes: Uint8Array, evaluationKeyBytes: Uint8Array): Promise<void> {
    await loadTfhe();
    const { parameters } = this.spec;
    const clientKey = ClientKey.deserialize(secretKeyBytes, parameters);
    let keys: EvaluationKeys;
    try {
      keys = EvaluationKeys.deserialize(evaluationKeyBytes, parameters);
    } catch (error) {
      clientKey.dispose();
      throw error;
    }
    this.dispose();
    this.clientKey = clientKey;
    this.keys = keys;
  }

  /** Id of the current keys, carried by every ciphertext bundle. */
  get keyId(): string {
    return keyId(this.evaluationKeys.maskSeed);
  }

  /**
   * Encrypts the arguments. The ciphertexts are seeded (masks from one fresh public seed per
   * call), so their bytes (`serializeEncrypted`) are the seed and one 8-byte body each; the
   * full ciphertexts are only built in WASM memory if `ciphertexts` is read (a local run).
   */
  encrypt(...args: ClearOperand[]): EncryptedValues {
    const key = this.secretKey();
    const flat = flattenArguments(this.spec, args, 'encrypt');
    const values = flat.flatMap((input) => (Array.isArray(input) ? input : []));
    const base = {
      circuit: this.spec.circuit,
      keys: this.keyId,
      shapes: this.spec.inputs.map((input) => input.shape),
      clear: flat.map((input) => (Array.isArray(input) ? null : Array.from(input.data))),
    };
    if (values.length === 0) return { ...base, ciphertexts: flat.map(() => []) };
    const seeded = encryptSeeded(key, values, this.spec.precision);
    return lazilyExpanded({ ...base, seeded }, () => {
      const expanded = expandSeeded(seeded, this.spec.parameters);
      let next = 0;
      return flat.map((input) => (Array.isArray(input) ? expanded.slice(next, (next += input.length)) : []));
    });
  }

  /** Decrypts a server's results; refuses results of another circuit or other keys. */
  decrypt(results: EncryptedValues): NdArray[] {
    const key = this.secretKey();
    if (results.circuit !== this.spec.circuit) {
      throw new CircuitMismatchError(
        `results of circuit ${results.circuit} cannot be decrypted by the client of circuit ${this.spec.circuit}`,
      );
    }
    if (results.keys !== this.keyId)
      throw new CircuitMismatchError(
        `results were computed with keys ${results.keys}, not this client's keys ${this.keyId}`,
      );
    if (results.ciphertexts.length !== this.spec.outputs.length) {
      throw new CircuitUsageError(
        `decrypt: expected ${this.spec.outputs.length} outputs, got ${results.ciphertexts.length}`,
      );
    }
    const flat = results.ciphertexts.map((list, k) =>
      list.map((ct) => key.decrypt(ct, { signed: this.spec.outputs[k]?.signed ?? false })),
    );
    return outputArrays(this.spec, flat);
  }

  /** Frees the keys (the secret key's memory is zeroed). */
  dispose(): void {
    if (this.ownsKeys) {
      this.keys?.dispose();
      this.clientKey?.dispose();
    }
    this.ownsKeys = true;
    this.keys = undefined;
    this.clientKey = undefined;
  }

  private secretKey(): ClientKey {
    if (!this.clientKey)
      throw new CircuitUsageError('no keys yet: call `await client.keygen()` first');
    return this.clientKey;
  }
}
