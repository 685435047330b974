import { checkFitsPrecision } from './encoding.js';
import { LookupTableLengthError, MissingLookupKeysError, ParameterMismatchError } from './errors.js';
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

/** Options of clientKey.evaluationKeys(). */
export interface EvaluationKeyOptions {
  /**
   * Whether the keys can evaluate table lookups (default true). `false` gives keys for
   * lookup-free circuits (clear-weight sums of encrypted inputs only): no bootstrap key and no
   * keyswitch key, so nothing to generate, send or hold; any lookup on them throws
   * MissingLookupKeysError.
   */
  readonly lookups?: boolean;
}

/** What table lookups need in WASM memory; lookup-free keys have none of it. */
interface LookupMaterial {
  readonly bootstrapKey: number;
  readonly keyswitchKey: number;
  readonly scratch: number;
  readonly lut: number;
  readonly table: number;
  readonly twiddles: number;
}

/**
 * The server's keys: the bootstrap key (GGSW encryptions of the small key bits under the GLWE
 * key, Fourier domain) and the keyswitch key (big key -> small key). They let anyone evaluate
 * table lookups on ciphertexts without learning anything. Keys generated with
 * `{ lookups: false }` hold neither (`lookups` is false): linear operations on ciphertexts need
 * no key at all, and every lookup throws MissingLookupKeysError.
 *
 * Masks are drawn from a ChaCha20 stream keyed by `maskSeed` (public): stream 0 for the
 * bootstrap key in GGSW order (key bit i, level 1..l, row 0..k, mask polynomial 0..k-1, N
 * words each), stream 1 for the keyswitch key in row order (input i, level l..1; n u64 draws per
 * row, of which the 32-bit-torus key keeps the top 32 bits),
 * so a serializer can store (maskSeed, bodies) and regenerate the masks. Lookup-free keys keep
 * a fresh seed too: it names the key set (the compiler derives key ids from it).
 */
export class EvaluationKeys extends WasmObject {
  /** True if the keys hold the bootstrap and keyswitch keys that table lookups need. */
  readonly lookups: boolean;
  /** Bytes of the bootstrap key (Fourier domain) and keyswitch key in memory (0 without lookups). */
  readonly bootstrapKeyBytes: number;
  readonly keyswitchKeyBytes: number;
  /** Public seed of the key masks. */
  readonly maskSeed: Uint8Array;
  readonly #material: LookupMaterial | undefined;
  /** @internal Standard-domain bootstrap key bodies, kept for serialize() (serialization/seeded-bootstrap-key.ts). */
  bootstrapKeyBodies: BigUint64Array = new BigUint64Array(0);

  private constructor(
    tfhe: TfheExports,
    readonly params: ParameterSet,
    maskSeed: Uint8Array,
    lookups: boolean,
  ) {
    super(tfhe);
    const { lweDimension: n, glweDimension: k, polynomialSize: N, pbsLevel, ksLevel } = params;
    this.maskSeed = maskSeed;
    this.lookups = lookups;
    // In JS, not ggswFourierBytes: an 8-bit key passes 4 GiB, beyond the kernels' 32-bit sizes.
    this.bootstrapKeyBytes = lookups ? n * pbsLevel * (k + 1) * (k + 1) * tfhe.ggswFourierPolynomialStride(N) : 0;
    this.keyswitchKeyBytes = lookups ? k * N * ksLevel * tfhe.keyswitchKeyRowWords(n) * 4 : 0; // u32 rows
    this.#material = lookups
      ? {
          bootstrapKey: this.own(this.bootstrapKeyBytes),
          keyswitchKey: this.own(this.keyswitchKeyBytes),
          scratch: this.own(tfhe.keyswitchBootstrapScratchBytes(n, k, N)),
          lut: this.own(N * 8),
          table: this.own((1 << params.precision) * 8),
          twiddles: twiddlesFor(tfhe, N),
        }
      : undefined;
  }

  /** @internal Unfilled keys for a deserializer (serialization/evaluation-keys-format.ts). */
  static allocate(tfhe: TfheExports, params: ParameterSet, maskSeed: Uint8Array, lookups: boolean): EvaluationKeys {
    return new EvaluationKeys(tfhe, params, maskSeed, lookups);
  }

  /** @internal Use clientKey.evaluationKeys(). */
  static generate(tfhe: TfheExports, clientKey: ClientKey, options: EvaluationKeyOptions = {}): EvaluationKeys {
    const params = clientKey.params;
    const lookups = options.lookups ?? true;
    const keys = new EvaluationKeys(tfhe, params, randomSeed(), lookups);
    if (!lookups) return keys;
    const { lweDimension: n, glweDimension: k, polynomialSize: N } = params;
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

  /** @internal Address of the bootstrap key (Fourier domain); throws on lookup-free keys. */
  get bootstrapKey(): number {
    return this.material('the bootstrap key').bootstrapKey;
  }

  /** @internal Address of the keyswitch key (u32 rows); throws on lookup-free keys. */
  get keyswitchKey(): number {
    return this.material('the keyswitch key').keyswitchKey;
  }

  /** @internal FFT twiddles of N, used with the bootstrap key; throws on lookup-free keys. */
  get twiddles(): number {
    return this.material('the bootstrap key').twiddles;
  }

  /**
   * @internal Throws MissingLookupKeysError, naming `operation`, if these keys were generated
   * without lookups (and DisposedError if disposed). Every lookup entry point calls it first.
   */
  assertLookups(operation: string): void {
    this.usableMaterial(operation);
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

  /** Bytes held in WASM memory by the two keys (0 for lookup-free keys). */
  get byteLength(): number {
    return this.bootstrapKeyBytes + this.keyswitchKeyBytes;
  }

  /** f(ct) for a table f of 2^p entries (p = ct.precision): keyswitch, then programmable bootstrap. */
  applyLookupTable(ct: LweCiphertext, table: LookupTable): LweCiphertext {
    const { lut, keyswitchKey, bootstrapKey, twiddles, scratch } = this.usableMaterial('applyLookupTable');
    ct.assertUsable(this.params, 'big', 'applyLookupTable');
    this.fillLookupTable(table, ct.precision, lut);
    const out = new LweCiphertext(this.tfhe, this.params, 'big', ct.precision);
    const { lweDimension: n, glweDimension: k, polynomialSize: N } = this.params;
    this.tfhe.keyswitchThenBootstrap(
      out.ptr,
      ct.ptr,
      lut,
      keyswitchKey,
      bootstrapKey,
      n,
      k,
      N,
      this.params.ksBaseLog,
      this.params.ksLevel,
      this.params.pbsBaseLog,
      this.params.pbsLevel,
      twiddles,
      scratch,
    );
    return out;
  }

  /**
   * Table lookups on many ciphertexts: `tables` is one table shared by all, or one table per
   * ciphertext.
   */
  applyLookupTableBatch(cts: readonly LweCiphertext[], tables: LookupTable | readonly LookupTable[]): LweCiphertext[] {
    this.assertLookups('applyLookupTableBatch');
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
   * Every error, bad input or unusable keys, rejects the promise. A batch of at most half the
   * pool's size runs each lookup split over two workers (see applyLookupTableInPool).
   */
  async applyLookupTableBatchInPool(
    cts: readonly LweCiphertext[],
    tables: LookupTable | readonly LookupTable[],
    pool: WorkerPool,
  ): Promise<LweCiphertext[]> {
    this.assertLookups('applyLookupTableBatchInPool');
    return applyLookupTablesInPool(this, cts, tables, pool);
  }

  /**
   * One table lookup on a worker pool, for latency: with two or more workers it runs split over
   * two of them (each takes half of every CMUX, keyswitchThenBootstrapSplit), 1.3-1.5x faster
   * than one thread on a quiet machine; the result is bit-identical to applyLookupTable. Keep the
   * pool no larger than the number of cores (the two halves meet ~1000 times per lookup).
   */
  async applyLookupTableInPool(ct: LweCiphertext, table: LookupTable, pool: WorkerPool): Promise<LweCiphertext> {
    this.assertLookups('applyLookupTableInPool');
    const [out] = await applyLookupTablesInPool(this, [ct], table, pool);
    return out!;
  }

  /** Keyswitch alone: a big-key ciphertext to a small-key one with the same message. */
  keyswitch(ct: LweCiphertext): LweCiphertext {
    const { keyswitchKey } = this.usableMaterial('keyswitch');
    ct.assertUsable(this.params, 'big', 'keyswitch');
    const out = new LweCiphertext(this.tfhe, this.params, 'small', ct.precision);
    const { lweDimension: n, glweDimension: k, polynomialSize: N } = this.params;
    this.tfhe.keyswitchLweCiphertext(out.ptr, ct.ptr, keyswitchKey, k * N, n, this.params.ksBaseLog, this.params.ksLevel);
    return out;
  }

  /** Programmable bootstrap alone: a small-key ciphertext to a big-key encryption of table[m]. */
  bootstrap(ct: LweCiphertext, table: LookupTable): LweCiphertext {
    const { lut, bootstrapKey, twiddles, scratch } = this.usableMaterial('bootstrap');
    ct.assertUsable(this.params, 'small', 'bootstrap');
    this.fillLookupTable(table, ct.precision, lut);
    const out = new LweCiphertext(this.tfhe, this.params, 'big', ct.precision);
    const { lweDimension: n, glweDimension: k, polynomialSize: N } = this.params;
    this.tfhe.programmableBootstrap(
      out.ptr,
      ct.ptr,
      lut,
      bootstrapKey,
      n,
      k,
      N,
      this.params.pbsBaseLog,
      this.params.pbsLevel,
      twiddles,
      scratch,
    );
    return out;
  }

  /** Drops the kept bodies with the keys (they can be hundreds of MB). */
  protected override beforeDispose(): void {
    this.bootstrapKeyBodies = new BigUint64Array(0);
  }

  /** The lookup material of live keys, or DisposedError / MissingLookupKeysError naming `operation`. */
  private usableMaterial(operation: string): LookupMaterial {
    this.assertLive();
    return this.material(operation);
  }

  private material(what: string): LookupMaterial {
    if (this.#material === undefined) {
      throw new MissingLookupKeysError(
        `${what}: these evaluation keys were generated without a bootstrap key (evaluationKeys({ lookups: false })); the circuit needs table lookups`,
      );
    }
    return this.#material;
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
    const entriesPtr = this.material('a table lookup').table;
    const entries = new BigInt64Array(this.tfhe.memory.buffer, entriesPtr, size);
    table.forEach((v, i) => {
      entries[i] = checkFitsPrecision(v, precision, `table entry ${i}`);
    });
    this.tfhe.lookupTableFill(lut, entriesPtr, precision, this.params.polynomialSize);
  }
}
