import { compileGraph, type Circuit, type CompilationConfig } from '@cml/compiler';
import { trace, type NdArray } from '@cml/tracer';
import { FeatureCountError } from '../core/errors.js';
import { toMatrix, row, type MatrixLike } from '../core/matrix.js';
import { UniformQuantizer } from '../quantization/uniform-quantizer.js';
import type { QuantizedModelSpec } from './client-spec.js';
import type { IntegerProgram } from './integer-program.js';
import { predictionFromScores, probabilitiesFromScores, scoresFromOutputs } from './post-processing.js';
import { UnsupportedModelError } from './errors.js';

/** Where predictions run: quantized integers in plain JS, the circuit simulated, or TFHE. */
export type FheMode = 'disable' | 'simulate' | 'execute';

export interface PredictOptions<M extends FheMode = FheMode> {
  readonly fhe?: M;
}

/** Options of a synchronous prediction: the float model (no `fhe`), the quantized clear model or the simulated circuit. */
export interface ClearModeOptions {
  readonly fhe?: 'disable' | 'simulate';
}

/** Options of an encrypted prediction (a Promise). */
export interface ExecuteModeOptions {
  readonly fhe: 'execute';
}

/** Quantized prediction results: plain arrays, or promises of them for `execute`. */
export type FheResult<M extends FheMode, T> = M extends 'execute' ? Promise<T> : T;

/** Clear quantization of X (client side): checks feature count and finiteness. */
export function quantizeRows(spec: QuantizedModelSpec, X: MatrixLike): number[][] {
  const m = toMatrix(X);
  if (m.cols !== spec.nFeatures) throw new FeatureCountError(spec.modelName, spec.nFeatures, m.cols);
  const quantizer = new UniformQuantizer(spec.input);
  return Array.from({ length: m.rows }, (_, i) => quantizer.quantizeRow(row(m, i)));
}

/**
 * A compiled model: the client-side quantization and post-processing (`spec`), the integer
 * program and its circuit. Every prediction mode goes quantize → integer outputs →
 * dequantize → head; only the middle step differs between modes.
 */
export class FheModel {
  constructor(
    readonly spec: QuantizedModelSpec,
    readonly program: IntegerProgram,
    readonly circuit: Circuit,
  ) {}

  /** Traces `program` on `nFeatures` encrypted inputs and compiles it on the quantized inputset plus its extremes. */
  static compile(spec: QuantizedModelSpec, program: IntegerProgram, quantizedInputset: number[][], config: CompilationConfig): FheModel {
    const inputset = [...quantizedInputset, ...program.extremes.map((r) => r.slice())];
    const graph = trace((x) => program.trace(x), { x: 'encrypted' }, { inputShapes: { x: [spec.nFeatures] } });
    try {
      return new FheModel(spec, program, compileGraph(graph, inputset, config));
    } catch (error) {
      if (error instanceof Error && error.name === 'ParameterSelectionError') {
        throw new UnsupportedModelError(`${spec.modelName}: no parameters fit the quantized circuit (${error.message}); lower nBits`);
      }
      throw error;
    }
  }

  quantizeInput(X: MatrixLike): number[][] {
    return quantizeRows(this.spec, X);
  }

  /** Integer circuit outputs of every row → scores (decision values, probabilities or margins). */
  dequantizeOutput(outputs: readonly (ArrayLike<number>)[]): number[][] {
    return outputs.map((o) => scoresFromOutputs(this.spec, o));
  }

  /** Integer outputs of quantized rows, in the chosen mode. */
  integerOutputs(Q: number[][], mode: 'disable' | 'simulate'): number[][];
  integerOutputs(Q: number[][], mode: 'execute'): Promise<number[][]>;
  integerOutputs(Q: number[][], mode: FheMode): number[][] | Promise<number[][]>;
  integerOutputs(Q: number[][], mode: FheMode): number[][] | Promise<number[][]> {
    if (mode === 'disable') return Q.map((q) => this.program.evaluate(q));
    if (mode === 'simulate') return Q.map((q) => flat(this.circuit.simulate(q)));
    return this.execute(Q);
  }

  /** Encrypted runs, one sample at a time; keys are generated on first use (or shared beforehand through circuit.client.shareKeysFrom). */
  private async execute(Q: number[][]): Promise<number[][]> {
    const out: number[][] = [];
    for (const q of Q) out.push(flat(await this.circuit.encryptRunDecrypt(q)));
    return out;
  }

  /** Scores of X (decision values, class probabilities or margins) in the chosen mode. */
  scores<M extends FheMode = 'disable'>(X: MatrixLike, options?: PredictOptions<M>): FheResult<M, number[][]> {
    const mode = options?.fhe ?? 'disable';
    const Q = this.quantizeInput(X);
    if (mode === 'execute') return this.integerOutputs(Q, 'execute').then((o) => this.dequantizeOutput(o)) as FheResult<M, number[][]>;
    return this.dequantizeOutput(this.integerOutputs(Q, mode)) as FheResult<M, number[][]>;
  }

  predict<M extends FheMode = 'disable'>(X: MatrixLike, options?: PredictOptions<M>): FheResult<M, number[]> {
    return mapResult(this.scores(X, options), (s) => s.map((r) => predictionFromScores(this.spec, r))) as FheResult<M, number[]>;
  }

  predictProba<M extends FheMode = 'disable'>(X: MatrixLike, options?: PredictOptions<M>): FheResult<M, number[][]> {
    if (this.spec.head.kind === 'regressor' || (this.spec.head.kind === 'linear-classifier' && this.spec.head.proba === 'none')) {
      throw new UnsupportedModelError(`${this.spec.modelName} has no predictProba`);
    }
    return mapResult(this.scores(X, options), (s) => s.map((r) => probabilitiesFromScores(this.spec, r) as number[])) as FheResult<M, number[][]>;
  }

  /** Decision values (linear classifiers) or margins (boosting): a number per sample, or a row per sample. */
  decisionFunction<M extends FheMode = 'disable'>(X: MatrixLike, options?: PredictOptions<M>): FheResult<M, number[] | number[][]> {
    const kind = this.spec.head.kind;
    if (kind !== 'linear-classifier' && kind !== 'boosted-classifier') {
      throw new UnsupportedModelError(`${this.spec.modelName} has no decisionFunction`);
    }
    return mapResult(this.scores(X, options), (s) => (s[0]?.length === 1 ? s.map((r) => r[0] as number) : s)) as FheResult<M, number[] | number[][]>;
  }

  /** Frees the keys (and workers) held by the circuit. */
  async dispose(): Promise<void> {
    await this.circuit.dispose();
  }
}

function flat(outputs: NdArray[]): number[] {
  return outputs.flatMap((o) => o.toArray());
}

function mapResult<T, U>(value: T | Promise<T>, f: (v: T) => U): U | Promise<U> {
  return value instanceof Promise ? value.then(f) : f(value);
}
