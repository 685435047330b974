import { checkPrecision, decode, encode } from './encoding.js';
import { ValueOutOfRangeError } from './errors.js';
import { EvaluationKeys, type EvaluationKeyOptions } from './evaluation-keys.js';
import { twiddlesFor } from './fft/twiddle-cache.js';
import { LweCiphertext } from './lwe-ciphertext.js';
import type { ParameterSet } from './params/parameter-set.js';
import { sameParameters, validateParameterSet } from './parameters-check.js';
import { Csprng } from './random/csprng.js';
import { deserializeClientKey, serializeClientKey } from './serialization/client-key-format.js';
import { WasmObject } from './wasm-object.js';
import { tfheRuntime, type TfheExports } from './wasm-module.js';

export interface DecryptOptions {
  /** Read the p-bit message as two's complement (default false: unsigned). */
  readonly signed?: boolean;
}

/**
 * The secret side: a binary small LWE key s (dimension n) and a binary GLWE key S (k
 * polynomials of N coefficients; flattened, it is the big LWE key of dimension kN under which
 * ciphertexts live). Secret keys never leave this object: EvaluationKeys carries only the
 * bootstrap and keyswitch keys, which are encryptions (or none, for lookup-free circuits).
 */
export class ClientKey extends WasmObject {
  /** @internal */ readonly smallKey: number;
  /** @internal */ readonly glweKey: number;
  /** @internal */ readonly glweKeyFourier: number;
  /** @internal Secret generator: keys, noise and ciphertext masks. */ readonly secretRng: Csprng;

  private constructor(
    tfhe: TfheExports,
    readonly params: ParameterSet,
  ) {
    super(tfhe);
    const { lweDimension: n, glweDimension: k, polynomialSize: N } = params;
    this.smallKey = this.own(n * 8);
    this.glweKey = this.own(k * N * 8);
    this.glweKeyFourier = this.own(k * N * 8);
    const state = this.own(Csprng.stateBytes(tfhe));
    this.secretRng = Csprng.fromSystemEntropy(tfhe, state);
    tfhe.csprngFillBinaryU64(this.secretRng.statePtr, this.smallKey, n);
    tfhe.csprngFillBinaryU64(this.secretRng.statePtr, this.glweKey, k * N);
    tfhe.glweKeyToFourier(this.glweKeyFourier, this.glweKey, k, N, twiddlesFor(tfhe, N));
  }

  /** Fresh secret keys for a parameter set (seeded from crypto.getRandomValues). Requires initTfhe(). */
  static generate(params: ParameterSet): ClientKey {
    validateParameterSet(params);
    return new ClientKey(tfheRuntime(), params);
  }

  /**
   * The server's keys: bootstrap key (Fourier domain) and keyswitch key, with fresh public mask
   * seeds. `{ lookups: false }` is for circuits without table lookups (clear-weight sums only):
   * the keys then hold neither key, take no time to generate and serialize to a few hundred
   * bytes; a lookup on them throws MissingLookupKeysError.
   */
  evaluationKeys(options: EvaluationKeyOptions = {}): EvaluationKeys {
    this.assertLive();
    return EvaluationKeys.generate(this.tfhe, this, options);
  }

  /** Encrypts a p-bit integer (signed or unsigned, -2^(p-1) <= value < 2^p) under the big key. */
  encrypt(value: number | bigint, precision = this.params.precision): LweCiphertext {
    this.assertLive();
    this.checkCiphertextPrecision(precision);
    const plaintext = encode(value, precision);
    const ct = new LweCiphertext(this.tfhe, this.params, 'big', precision);
    const rng = this.secretRng.statePtr;
    this.tfhe.lweEncrypt(ct.ptr, this.glweKey, ct.lweDimension, plaintext, this.params.glweNoiseStdDev, rng, rng);
    return ct;
  }

  /** Decrypts to the p-bit message, unsigned unless `signed` is set. */
  decrypt(ct: LweCiphertext, options: DecryptOptions = {}): number {
    return decode(this.decryptPhase(ct), ct.precision, options.signed ?? false);
  }

  /** The phase b - <a, s> (encoded message + noise) as an unsigned 64-bit torus value. */
  decryptPhase(ct: LweCiphertext): bigint {
    this.assertLive();
    ct.assertUsable(this.params, ct.keyKind, 'decrypt');
    const key = ct.keyKind === 'big' ? this.glweKey : this.smallKey;
    return BigInt.asUintN(64, this.tfhe.lweDecryptPhase(ct.ptr, key, ct.lweDimension));
  }

  /**
   * The SECRET key as bytes, for the client's own storage only (never send them to a server:
   * servers get evaluationKeys().serialize()). Format in serialization/client-key-format.ts.
   */
  serialize(): Uint8Array {
    this.assertLive();
    return serializeClientKey(this);
  }

  /** Reads a key written by serialize(), with a fresh secret generator. Requires initTfhe(). */
  static deserialize(bytes: Uint8Array, expectedParams?: ParameterSet): ClientKey {
    return deserializeClientKey(bytes, expectedParams);
  }

  /** True if this key was generated for `params`. */
  matches(params: ParameterSet): boolean {
    return sameParameters(this.params, params);
  }

  private checkCiphertextPrecision(precision: number): void {
    checkPrecision(precision);
    if (precision > this.params.precision) {
      throw new ValueOutOfRangeError(
        `precision ${precision} exceeds the ${this.params.precision} bits of parameter set ${this.params.name}`,
      );
    }
  }

  protected override beforeDispose(): void {
    const { lweDimension: n, glweDimension: k, polynomialSize: N } = this.params;
    const bytes = new Uint8Array(this.tfhe.memory.buffer);
    bytes.fill(0, this.smallKey, this.smallKey + n * 8);
    bytes.fill(0, this.glweKey, this.glweKey + k * N * 8);
    bytes.fill(0, this.glweKeyFourier, this.glweKeyFourier + k * N * 8);
    bytes.fill(0, this.secretRng.statePtr, this.secretRng.statePtr + Csprng.stateBytes(this.tfhe));
  }
}
