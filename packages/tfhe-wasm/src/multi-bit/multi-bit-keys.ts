import type { ClientKey } from '../client-key.js';
import { checkFitsPrecision } from '../encoding.js';
import { LookupTableLengthError, ParameterMismatchError } from '../errors.js';
import type { LookupTable } from '../evaluation-keys.js';
import { twiddlesFor } from '../fft/twiddle-cache.js';
import { LweCiphertext } from '../lwe-ciphertext.js';
import { Csprng } from '../random/csprng.js';
import { randomSeed } from '../random/random-seed.js';
import { WasmObject } from '../wasm-object.js';
import { tfheRuntime, type TfheExports } from '../wasm-module.js';
import { monomialTablesFor, type MonomialTables } from './fourier-monomials.js';
import { withMultiBitKernels, type MultiBitKernels } from './kernels.js';
import { checkGrouping, MultiBitParameterError, type MultiBitParameterSet } from './parameters.js';

/** Mask streams of the public seed, as in EvaluationKeys: bootstrap key 0, keyswitch key 1. */
const BOOTSTRAP_KEY_MASK_STREAM = 0n;
const KEYSWITCH_KEY_MASK_STREAM = 1n;

/**
 * PROTOTYPE server keys with a multi-bit bootstrap key (assembly/algorithms/multi-bit-key.ts:
 * n/g groups x (2^g - 1) indicator GGSWs, Fourier domain) and the usual keyswitch key, for
 * measuring the multi-bit blind rotation against the classic one. Not serializable and not
 * usable by the compiler or the worker pool (see src/multi-bit/README.md).
 */
export class MultiBitEvaluationKeys extends WasmObject {
  /** Bytes of the multi-bit bootstrap key and of the keyswitch key in WASM memory. */
  readonly bootstrapKeyBytes: number;
  readonly keyswitchKeyBytes: number;
  /** @internal Addresses, for tests of the kernels. */
  readonly bootstrapKey: number;
  readonly keyswitchKey: number;
  readonly twiddles: number;
  readonly monomials: MonomialTables;
  readonly #kernels: TfheExports & MultiBitKernels;
  readonly #scratch: number;
  readonly #lut: number;
  readonly #table: number;

  private constructor(
    tfhe: TfheExports,
    readonly params: MultiBitParameterSet,
  ) {
    super(tfhe);
    const kernels = withMultiBitKernels(tfhe);
    const { lweDimension: n, glweDimension: k, polynomialSize: N, pbsLevel, ksLevel, groupingFactor: g } = params;
    this.#kernels = kernels;
    this.bootstrapKeyBytes = (n / g) * (2 ** g - 1) * pbsLevel * (k + 1) * (k + 1) * tfhe.ggswFourierPolynomialStride(N);
    this.keyswitchKeyBytes = k * N * ksLevel * tfhe.keyswitchKeyRowWords(n) * 4;
    this.bootstrapKey = this.own(this.bootstrapKeyBytes);
    this.keyswitchKey = this.own(this.keyswitchKeyBytes);
    this.#scratch = this.own(kernels.multiBitKeyswitchBootstrapScratchBytes(n, g, k, N, pbsLevel));
    this.#lut = this.own(N * 8);
    this.#table = this.own((1 << params.precision) * 8);
    this.twiddles = twiddlesFor(tfhe, N);
    this.monomials = monomialTablesFor(tfhe, N);
  }

  /**
   * Generates the keys for a client key made with a MultiBitParameterSet
   * (`ClientKey.generate(getMultiBitParameterSet(4, 2))`): secret bits and noise from the
   * client key's CSPRNG, masks from a fresh public seed.
   */
  static generate(clientKey: ClientKey): MultiBitEvaluationKeys {
    const params = clientKey.params as Partial<MultiBitParameterSet> & ClientKey['params'];
    if (params.groupingFactor === undefined) {
      throw new MultiBitParameterError(`client key for ${params.name} has no grouping factor: generate it from a MultiBitParameterSet`);
    }
    checkGrouping(params as MultiBitParameterSet);
    const tfhe = tfheRuntime();
    const keys = new MultiBitEvaluationKeys(tfhe, params as MultiBitParameterSet);
    const kernels = keys.#kernels;
    const { lweDimension: n, glweDimension: k, polynomialSize: N, groupingFactor: g } = keys.params;
    const { allocator } = tfhe;
    const maskState = allocator.alloc(Csprng.stateBytes(tfhe));
    const scratchBytes = Math.max(tfhe.ggswEncryptScratchBytes(k, N), tfhe.keyswitchKeyGenerateScratchBytes(n));
    const scratch = allocator.alloc(scratchBytes);
    const seed = randomSeed();
    try {
      const noise = clientKey.secretRng.statePtr;
      const bskMasks = Csprng.maskGeneratorFromPublicSeed(tfhe, maskState, seed, BOOTSTRAP_KEY_MASK_STREAM);
      kernels.multiBitBootstrapKeyGenerate(
        keys.bootstrapKey,
        clientKey.smallKey,
        n,
        g,
        clientKey.glweKeyFourier,
        k,
        N,
        keys.params.pbsBaseLog,
        keys.params.pbsLevel,
        keys.params.glweNoiseStdDev,
        noise,
        bskMasks.statePtr,
        keys.twiddles,
        scratch,
      );
      const kskMasks = Csprng.maskGeneratorFromPublicSeed(tfhe, maskState, seed, KEYSWITCH_KEY_MASK_STREAM);
      tfhe.keyswitchKeyGenerate(
        keys.keyswitchKey,
        clientKey.glweKey,
        k * N,
        clientKey.smallKey,
        n,
        keys.params.ksBaseLog,
        keys.params.ksLevel,
        keys.params.lweNoiseStdDev,
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

  /** f(ct) for a table f of 2^p entries (p = ct.precision): keyswitch, then multi-bit bootstrap. */
  applyLookupTable(ct: LweCiphertext, table: LookupTable): LweCiphertext {
    this.assertLive();
    ct.assertUsable(this.params, 'big', 'multi-bit applyLookupTable');
    this.fillLookupTable(table, ct.precision);
    const out = new LweCiphertext(this.tfhe, this.params, 'big', ct.precision);
    const p = this.params;
    this.#kernels.multiBitKeyswitchThenBootstrap(
      out.ptr,
      ct.ptr,
      this.#lut,
      this.keyswitchKey,
      this.bootstrapKey,
      p.lweDimension,
      p.groupingFactor,
      p.glweDimension,
      p.polynomialSize,
      p.ksBaseLog,
      p.ksLevel,
      p.pbsBaseLog,
      p.pbsLevel,
      this.twiddles,
      this.monomials.slotExponents,
      this.monomials.roots,
      this.#scratch,
    );
    return out;
  }

  private fillLookupTable(table: LookupTable, precision: number): void {
    const size = 1 << precision;
    if (!Array.isArray(table) || table.length !== size) {
      const got = Array.isArray(table) ? `${table.length} entries` : typeof table;
      throw new LookupTableLengthError(`a ${precision}-bit lookup table has ${size} entries, got ${got}`);
    }
    if (precision > this.params.precision) {
      throw new ParameterMismatchError(`precision ${precision} exceeds the ${this.params.precision} bits of ${this.params.name}`);
    }
    const entries = new BigInt64Array(this.tfhe.memory.buffer, this.#table, size);
    table.forEach((v, i) => {
      entries[i] = checkFitsPrecision(v, precision, `table entry ${i}`);
    });
    this.tfhe.lookupTableFill(this.#lut, this.#table, precision, this.params.polynomialSize);
  }
}
