import type { Circuit } from '@cml/compiler';
import { compileModel, type FheCompileOptions } from '../fhe/compile-model.js';
import { NotCompiledError } from '../fhe/errors.js';
import type { FheModel, PredictOptions } from '../fhe/fhe-model.js';
import { FeatureCountError, InvalidParameterError, ModelFormatError, NotFittedError } from './errors.js';
import { toMatrix, type Matrix, type MatrixLike } from './matrix.js';

const FHE_MODES: readonly unknown[] = ['disable', 'simulate', 'execute'];

/** The JSON form of a model: its class name, constructor options and fitted state. */
export interface ModelDump<P = unknown, S = unknown> {
  readonly model: string;
  readonly params: P;
  readonly state: S;
}

/** State every fitted model records: how many features it was trained on. */
export interface FittedState {
  readonly nFeatures: number;
}

/**
 * Shared plumbing: option storage, the fitted-state guard, input checks on X and JSON
 * round trips. Fitted state is plain JSON-compatible data (numbers and arrays), so
 * `dump()` is a shallow copy and `load()` needs no per-model parsing.
 */
export abstract class BaseModel<P extends object, S extends FittedState> {
  protected fittedState: S | undefined;
  private compiled: FheModel | undefined;

  constructor(readonly params: P) {}

  /** The scikit-learn class name, used in errors and dumps. */
  abstract get modelName(): string;

  get isFitted(): boolean {
    return this.fittedState !== undefined;
  }

  /** The fitted state; throws NotFittedError if `fit` was never called. */
  protected state(method: string): S {
    if (this.fittedState === undefined) throw new NotFittedError(this.modelName, method);
    return this.fittedState;
  }

  /** Validates X for a fitted model: finite, rectangular, with the training feature count. */
  protected checkX(X: MatrixLike, method: string): { m: Matrix; state: S } {
    const state = this.state(method);
    const m = toMatrix(X);
    if (m.cols !== state.nFeatures) throw new FeatureCountError(this.modelName, state.nFeatures, m.cols);
    return { m, state };
  }

  /**
   * Quantizes the fitted model and compiles it to an FHE circuit, calibrated on X (the
   * training data). The result predicts with `{ fhe: 'disable' | 'simulate' | 'execute' }`.
   */
  compile(X: MatrixLike, options?: FheCompileOptions): FheModel {
    this.state('compile');
    this.compiled = compileModel(this, X, options);
    return this.compiled;
  }

  /** The model compiled by the last `compile` call; NotCompiledError before. */
  get fhe(): FheModel {
    if (this.compiled === undefined) throw new NotCompiledError(this.modelName, 'fhe');
    return this.compiled;
  }

  /** The FHE circuit of the last `compile`; NotCompiledError before. */
  get fheCircuit(): Circuit {
    return this.fhe.circuit;
  }

  /** Client-side quantization of X with the compiled model's input quantizers (integers per row). */
  quantizeInput(X: MatrixLike): number[][] {
    return this.compiledFor('quantizeInput').quantizeInput(X);
  }

  /** The compiled circuit's integer outputs (one row per sample) → scores (logits, probabilities, margins or values). */
  dequantizeOutput(outputs: readonly ArrayLike<number>[]): number[][] {
    return this.compiledFor('dequantizeOutput').dequantizeOutput(outputs);
  }

  /** The float method without `fhe`; with it, the compiled model's method in that mode. */
  protected withFhe<T>(method: 'predict' | 'predictProba' | 'decisionFunction', X: MatrixLike, options: PredictOptions | undefined, float: () => T): T | Promise<T> {
    const mode = options?.fhe;
    if (mode === undefined) return float();
    if (!FHE_MODES.includes(mode)) {
      throw new InvalidParameterError(`${this.modelName}.${method}: fhe must be 'disable', 'simulate' or 'execute', got ${JSON.stringify(mode)}`);
    }
    return this.compiledFor(`${method}(X, { fhe: '${mode}' })`)[method](X, { fhe: mode }) as T | Promise<T>;
  }

  private compiledFor(call: string): FheModel {
    if (this.compiled === undefined) throw new NotCompiledError(this.modelName, call);
    return this.compiled;
  }

  dump(): ModelDump<P, S> {
    return JSON.parse(JSON.stringify({ model: this.modelName, params: this.params, state: this.state('dump') })) as ModelDump<P, S>;
  }

  /** Restores a dumped state into this (freshly constructed) model. */
  protected restore(dump: ModelDump<P, S>): this {
    if (dump.model !== this.modelName) {
      throw new ModelFormatError(`cannot load a ${String(dump.model)} dump into ${this.modelName}`);
    }
    if (typeof dump.state !== 'object' || dump.state === null || typeof dump.state.nFeatures !== 'number') {
      throw new ModelFormatError(`${this.modelName} dump has no fitted state`);
    }
    this.fittedState = dump.state;
    return this;
  }
}

/** Parses a dump given as a JSON string or an object. */
export function parseDump<P, S>(dump: ModelDump<P, S> | string): ModelDump<P, S> {
  const parsed: unknown = typeof dump === 'string' ? JSON.parse(dump) : dump;
  if (typeof parsed !== 'object' || parsed === null || !('model' in parsed) || !('params' in parsed) || !('state' in parsed)) {
    throw new ModelFormatError('a model dump must be an object with model, params and state');
  }
  return parsed as ModelDump<P, S>;
}

/** Builds a class's `load`: construct with the dumped options, then restore the state. */
export function loadModel<P extends object, S extends FittedState, M extends BaseModel<P, S>>(
  make: (params: P) => M,
  dump: ModelDump<P, S> | string,
): M {
  const parsed = parseDump(dump);
  const model = make(parsed.params);
  return (model as unknown as { restore(d: ModelDump<P, S>): M }).restore(parsed);
}
