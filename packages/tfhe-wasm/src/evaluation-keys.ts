import { checkFitsPrecision } from './encoding.js';
import { LookupTableLengthError, ParameterMismatchError } from './errors.js';
import { twiddlesFor } from './fft/twiddle-cache.js';
import { LweCiphertext } from './lwe-ciphertext.js';
import type { ParameterSet } from './params/parameter-set.js';
import { Csprng } from './random/csprng.js';
import { randomSeed } from './random/random-seed.js';
import { WasmObject } from './wasm-object.js';
import type { TfheExports } from './wasm-module.js';
import type { ClientKey } from './client-key.js';
import { applyLookupTablesInPool } from './pool/pool-lookup.js';
import type { WorkerPool } from './pool/worker-pool.js';
import { deserializeEvaluationKeys, serializeEvaluationKeys } from './serialization/evaluation-keys-format.js';
import { generateSeededBootstrapKey } from './serialization/seeded-bootstrap-key.js';

/** Mask streams of the public seed: the bootstrap key and the keyswitch key draw from separate streams. */
export const BOOTSTRAP_KEY_MASK_STREAM = 0n;
export const KEYSWITCH_KEY_MASK_STREAM = 1n;

/** A table for applyLookupTable: 2^p integers, entry i is f(i) for the p-bit input i. */
export type LookupTable = readonly (number | bigint)[];

/**
 * The server's keys: the bootstrap key (GGSW encryptions of the small key bits under the GLWE
 * key, Fourier domain) and the keyswitch key (big key -> small key). They let anyone evaluate
 * table lookups on ciphertexts without learning anything.
 *
 * Masks are drawn from a ChaCha20 stream keyed by `maskSeed` (public): stream 0 for the
 * bootstrap key in GGSW order (key bit i, level 1..l, row 0..k, mask polynomial 0..k-1, N
 * words each), stream 1 for the keyswitch key in row order (input i, level l..1; n u64 draws per
 * row, of which the 32-bit-torus key keeps the top 32 bits),
 * so a serializer can store (maskSeed, bodies) and regenerate the masks.
 */
export class EvaluationKeys extends WasmObject {
  /** @internal */ readonly bootstrapKey: number;
  /** @internal */ readonly keyswitchKey: number;
  /** Bytes of the bootstrap key (Fourier domain) and keyswitch key in memory. */
  readonly bootstrapKeyBytes: number;
  readonly keyswitchKeyBytes: number;
  /** Public seed of the key masks. */
  readonly maskSeed: Uint8Array;
  private readonly scratch: number;
  private readonly lut: number;
  private readonly table: number;
  /** @internal */ readonly twiddles: number;
  /** @internal Standard-domain bootstrap key bodies, kept for serialize() (serialization/seeded-bootstrap-key.ts). */
  bootstrapKeyBodies: BigUint64Array = new BigUint64Array(0);

  private constructor(
    tfhe: TfheExports,
    readonly params: ParameterSet,
    maskSeed: Uint8Array,
  ) {
    super(tfhe);
    const { lweDimension: n, glweDimension: k, polynomialSize: N, pbsLevel, ksLevel } = params;
    this.maskSeed = maskSeed;
    // In JS, not ggswFourierBytes: an 8-bit key passes 4 GiB, beyond the kernels' 32-bit sizes.
    this.bootstrapKeyBytes = n * pbsLevel * (k + 1) * (k + 1) * tfhe.ggswFourierPolynomialStride(N);
    this.keyswitchKeyBytes = k * N * ksLevel * tfhe.keyswitchKeyRowWords(n) * 4; // u32 rows
    this.bootstrapKey = this.own(this.bootstrapKeyBytes);
    this.keyswitchKey = this.own(this.keyswitchKeyBytes);
    this.scratch = this.own(tfhe.keyswitchBootstrapScratchBytes(n, k, N));
    this.lut = this.own(N * 8);
    this.table = this.own((1 << params.precision) * 8);
    this.twiddles = twiddlesFor(tfhe, N);
  }

  /** @internal Unfilled keys for a deserializer (serialization/evaluation-keys-format.ts). */
  static allocate(tfhe: TfheExports, params: ParameterSet, maskSeed: Uint8Array): EvaluationKeys {
    return new EvaluationKeys(tfhe, params, maskSeed);
  }

  /** @internal Use clientKey.evaluationKeys(). */
  static generate(tfhe: TfheExports, clientKey: ClientKey): EvaluationKeys {
    const params = clientKey.params;
    const { lweDimension: n, glweDimension: k, polynomialSize: N } = params;
    const keys = new EvaluationKeys(tfhe, params, randomSeed());
    const { allocator } = tfhe;
    const maskState = allocator.alloc(Csprng.stateBytes(tfhe));
    const scratchBytes = Math.max(tfhe.ggswEncryptScratchBytes(k, N), tfhe.keyswitchKeyGenerateScratchBytes(n));
    const scratch = allocator.alloc(scratchBytes);
    try {
      const noise = clientKey.secretRng.statePtr;
      const bskMasks = Csprng.maskGeneratorFromPublicSeed(tfhe, maskState, keys.maskSeed, BOOTSTRAP_KEY_MASK_STREAM);
      // Seeded form (masks free of the secret) so serialize() can send (mask seed, bodies).
      keys.bootstrapKeyBodies = generateSeededBootstrapKey(tfhe, keys.bootstrapKey, clientKey, noise, bskMasks.statePtr, keys.twiddles);
      const kskMasks = Csprng.maskGeneratorFromPublicSeed(tfhe, maskState, keys.maskSeed, KEYSWITCH_KEY_MASK_STREAM);
      tfhe.keyswitchKeyGenerate(
        keys.keyswitchKey,
        clientKey.glweKey,
        k * N,
        clientKey.smallKey,
        n,
        params.ksBaseLog,
        params.ksLevel,
        params.lweNoiseStdDev,
        noise,
        kskMasks.statePtr,
        scratch,
      );
    } catch (error) {
      keys.dispose();
      throw error;
    } finally {
      new Uint8Array(tfhe.memory.buffer).fill(0, scratch, scratch + scratchBytes);
      allocator.release(scratch);
      allocator.release(maskState);
    }
    return keys;
  }

  /** The keys in seeded/compressed form (mask seed + bodies, about half the bytes), to send to a server. */
  serialize(): Uint8Array {
    this.assertLive();
    return serializeEvaluationKeys(this);
  }

  /** Reads keys written by serialize(); with `expectedParams`, rejects keys for another set. Requires initTfhe(). */
  static deserialize(bytes: Uint8Array, expectedParams?: ParameterSet): EvaluationKeys {
    return deserializeEvaluationKeys(bytes, expectedParams);
  }

  /** Bytes held in WASM memory by the two keys. */
  get byteLength(): number {
    return this.bootstrapKeyBytes + this.keyswitchKeyBytes;
  }

  /** f(ct) for a table f of 2^p entries (p = ct.precision): keyswitch, then programmable bootstrap. */
  applyLookupTable(ct: LweCiphertext, table: LookupTable): LweCiphertext {
    this.assertLive();
    ct.assertUsable(this.params, 'big', 'applyLookupTable');
    this.loadLookupTable(table, ct.precision);
    const out = new LweCiphertext(this.tfhe, this.params, 'big', ct.precision);
    const { lweDimension: n, glweDimension: k, polynomialSize: N } = this.params;
    this.tfhe.keyswitchThenBootstrap(
      out.ptr,
      ct.ptr,
      this.lut,
      this.keyswitchKey,
      this.bootstrapKey,
      n,
      k,
      N,
      this.params.ksBaseLog,
      this.params.ksLevel,
      this.params.pbsBaseLog,
      this.params.pbsLevel,
      this.twiddles,
      this.scratch,
    );
    return out;
  }

  /**
   * Table lookups on many ciphertexts: `tables` is one table shared by all, or one table per
   * ciphertext.
   */
  applyLookupTableBatch(cts: readonly LweCiphertext[], tables: LookupTable | readonly LookupTable[]): LweCiphertext[] {
    const perCiphertext = tables.length > 0 && Array.isArray(tables[0]);
    if (perCiphertext && tables.length !== cts.length) {
      throw new LookupTableLengthError(`${cts.length} ciphertexts but ${tables.length} tables`);
    }
    const out: LweCiphertext[] = [];
    try {
      cts.forEach((ct, i) => {
        const table = perCiphertext ? (tables as readonly LookupTable[])[i]! : (tables as LookupTable);
        out.push(this.applyLookupTable(ct, table));
      });
    } catch (error) {
      for (const ct of out) ct.dispose();
      throw error;
    }
    return out;
  }

  /**
   * Table lookups on many ciphertexts spread over the workers of `pool` (which share this
   * memory and these keys). Do not dispose the inputs or the keys before the promise settles.
   */
  applyLookupTableBatchInPool(
    cts: readonly LweCiphertext[],
    tables: LookupTable | readonly LookupTable[],
    pool: WorkerPool,
  ): Promise<LweCiphertext[]> {
    this.assertLive();
    return applyLookupTablesInPool(this, cts, tables, pool);
  }

  /** Keyswitch alone: a big-key ciphertext to a small-key one with the same message. */
  keyswitch(ct: LweCiphertext): LweCiphertext {
    this.assertLive();
    ct.assertUsable(this.params, 'big', 'keyswitch');
    const out = new LweCiphertext(this.tfhe, this.params, 'small', ct.precision);
    const { lweDimension: n, glweDimension: k, polynomialSize: N } = this.params;
    this.tfhe.keyswitchLweCiphertext(out.ptr, ct.ptr, this.keyswitchKey, k * N, n, this.params.ksBaseLog, this.params.ksLevel);
    return out;
  }

  /** Programmable bootstrap alone: a small-key ciphertext to a big-key encryption of table[m]. */
  bootstrap(ct: LweCiphertext, table: LookupTable): LweCiphertext {
    this.assertLive();
    ct.assertUsable(this.params, 'small', 'bootstrap');
    this.loadLookupTable(table, ct.precision);
    const out = new LweCiphertext(this.tfhe, this.params, 'big', ct.precision);
    const { lweDimension: n, glweDimension: k, polynomialSize: N } = this.params;
    this.tfhe.programmableBootstrap(
      out.ptr,
      ct.ptr,
      this.lut,
      this.bootstrapKey,
      n,
      k,
      N,
      this.params.pbsBaseLog,
      this.params.pbsLevel,
      this.twiddles,
      this.scratch,
    );
    return out;
  }

  /** Drops the kept bodies with the keys (they can be hundreds of MB). */
  protected override beforeDispose(): void {
    this.bootstrapKeyBodies = new BigUint64Array(0);
  }

  private loadLookupTable(table: LookupTable, precision: number): void {
    this.fillLookupTable(table, precision, this.lut);
  }

  /** @internal Writes the test polynomial of `table` (2^precision entries) at `lut` (N u64). */
  fillLookupTable(table: LookupTable, precision: number, lut: number): void {
    const size = 1 << precision;
    if (!Array.isArray(table) || table.length !== size) {
      const got = Array.isArray(table) ? `${table.length} entries` : typeof table;
      throw new LookupTableLengthError(`a ${precision}-bit lookup table has ${size} entries, got ${got}`);
    }
    if (precision > this.params.precision) {
      throw new ParameterMismatchError(`precision ${precision} exceeds the ${this.params.precision} bits of ${this.params.name}`);
    }
    const entries = new BigInt64Array(this.tfhe.memory.buffer, this.table, size);
    table.forEach((v, i) => {
      entries[i] = checkFitsPrecision(v, precision, `table entry ${i}`);
    });
    this.tfhe.lookupTableFill(lut, this.table, precision, this.params.polynomialSize);
  }
}
