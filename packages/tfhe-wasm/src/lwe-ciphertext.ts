import { checkFitsPrecision, encode } from './encoding.js';
import { ParameterMismatchError, ValueOutOfRangeError } from './errors.js';
import type { ParameterSet } from './params/parameter-set.js';
import { assertSameParameters } from './parameters-check.js';
import { deserializeCiphertext, serializeCiphertext } from './serialization/lwe-ciphertext-format.js';
import { WasmObject } from './wasm-object.js';
import type { TfheExports } from './wasm-module.js';

/** Which key a ciphertext is under: the big key (kN, between operations) or the small key (n, after a keyswitch). */
export type LweKeyKind = 'big' | 'small';

/**
 * An LWE ciphertext (a, b) in WASM memory, tagged with its parameter set, key and the
 * precision of its encoding. Arithmetic returns new ciphertexts; LWE is linear, so
 *   ct(m1) + ct(m2) = ct(m1 + m2), w * ct(m) = ct(w * m)  (mod 2^p, noise grows).
 */
export class LweCiphertext extends WasmObject {
  /** Mask length: kN for the big key, n for the small key. */
  readonly lweDimension: number;
  /** Offset of the n+1 u64 words in WASM memory. */
  readonly ptr: number;

  /** @internal Use ClientKey.encrypt or the evaluation operations. */
  constructor(
    tfhe: TfheExports,
    readonly params: ParameterSet,
    readonly keyKind: LweKeyKind,
    readonly precision: number,
  ) {
    super(tfhe);
    this.lweDimension = keyKind === 'big' ? params.glweDimension * params.polynomialSize : params.lweDimension;
    this.ptr = this.own(ciphertextBytes(tfhe, this.lweDimension, keyKind), true);
  }

  /** Words of the ciphertext (n + 1). */
  get words(): number {
    return this.lweDimension + 1;
  }

  /** A copy of (a, b) as unsigned bigints. */
  toWords(): BigUint64Array {
    this.assertLive();
    return new BigUint64Array(this.tfhe.memory.buffer, this.ptr, this.words).slice();
  }

  /** The ciphertext as bytes (format in serialization/lwe-ciphertext-format.ts). */
  serialize(): Uint8Array {
    this.assertLive();
    return serializeCiphertext(this);
  }

  /** Reads a ciphertext written by serialize(); with `expectedParams`, rejects another set. Requires initTfhe(). */
  static deserialize(bytes: Uint8Array, expectedParams?: ParameterSet): LweCiphertext {
    return deserializeCiphertext(bytes, expectedParams);
  }

  clone(): LweCiphertext {
    this.assertLive();
    const copy = new LweCiphertext(this.tfhe, this.params, this.keyKind, this.precision);
    new Uint8Array(this.tfhe.memory.buffer).copyWithin(copy.ptr, this.ptr, this.ptr + this.words * 8);
    return copy;
  }

  add(other: LweCiphertext): LweCiphertext {
    this.assertCompatible(other);
    const out = this.clone();
    this.tfhe.lweAddAssign(out.ptr, other.ptr, this.words);
    return out;
  }

  sub(other: LweCiphertext): LweCiphertext {
    this.assertCompatible(other);
    const out = this.clone();
    this.tfhe.lweSubAssign(out.ptr, other.ptr, this.words);
    return out;
  }

  neg(): LweCiphertext {
    const out = this.clone();
    this.tfhe.lweNegAssign(out.ptr, this.words);
    return out;
  }

  /** Multiplies by a clear integer (any i64; the message is taken mod 2^p). */
  mulScalar(scalar: number | bigint): LweCiphertext {
    const out = this.clone();
    this.tfhe.lweScalarMulAssign(out.ptr, toI64(scalar, 'scalar'), this.words);
    return out;
  }

  /** Adds a clear p-bit integer. */
  addScalar(value: number | bigint): LweCiphertext {
    checkFitsPrecision(value, this.precision, 'scalar');
    const out = this.clone();
    this.tfhe.lweAddPlaintextAssign(out.ptr, encode(value, this.precision), this.lweDimension);
    return out;
  }

  /** @internal */
  assertUsable(params: ParameterSet, keyKind: LweKeyKind, what: string): void {
    this.assertLive();
    assertSameParameters(this.params, params, what);
    if (this.keyKind !== keyKind) {
      throw new ParameterMismatchError(`${what}: expects a ${keyKind}-key ciphertext, got a ${this.keyKind}-key one`);
    }
  }

  private assertCompatible(other: LweCiphertext): void {
    this.assertLive();
    other.assertUsable(this.params, this.keyKind, 'ciphertext arithmetic');
    if (other.precision !== this.precision) {
      throw new ParameterMismatchError(`ciphertext arithmetic: precisions differ (${this.precision} vs ${other.precision})`);
    }
  }
}

export function ciphertextBytes(tfhe: TfheExports, lweDimension: number, keyKind: LweKeyKind): number {
  // A small-key ciphertext is a keyswitch output, accumulated as u32 rows before widening.
  const bytes = (lweDimension + 1) * 8;
  return keyKind === 'small' ? Math.max(bytes, tfhe.keyswitchKeyRowWords(lweDimension) * 4) : bytes;
}

const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;

export function toI64(value: number | bigint, what: string): bigint {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new ValueOutOfRangeError(`${what} must be an integer, got ${value}`);
  }
  const v = BigInt(value);
  if (v < I64_MIN || v > I64_MAX) throw new ValueOutOfRangeError(`${what} ${value} does not fit 64 bits`);
  return v;
}
