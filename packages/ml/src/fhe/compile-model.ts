import type { CompilationConfig } from '@cml/compiler';
import type { ModelDump } from '../core/base.js';
import { toMatrix, row, type MatrixLike } from '../core/matrix.js';
import { UniformQuantizer } from '../quantization/uniform-quantizer.js';
import type { FheHead, QuantizedModelSpec } from './client-spec.js';
import { UnsupportedModelError } from './errors.js';
import { FheModel } from './fhe-model.js';
import { quantizeLinear } from './linear-program.js';
import { isNeuralNet, quantizeNeuralNet } from './neural-net-program.js';
import { quantizeTreeEnsemble, treeEnsembleOf } from './tree-ensembles.js';

/** Quantization knobs on top of the compiler's options (pError, globalPError, ...). */
export interface FheCompileOptions extends CompilationConfig {
  /** Bits of every quantized input feature (per-feature affine quantizers). Default 4. */
  readonly nBits?: number;
  /** Linear models: bits of the symmetric weight quantizer. Default 5. */
  readonly weightBits?: number;
  /** Linear models: width of each encrypted partial sum, the circuit's message width (no lookup reads it, so it may exceed 8 bits). Default 10. */
  readonly accumulatorBits?: number;
  /** Trees: bits of the quantized leaf values. Default nBits. */
  readonly leafBits?: number;
}

/** What compile needs from a fitted model: its dump (class name, params, fitted state). */
export interface CompilableModel {
  readonly modelName: string;
  dump(): ModelDump;
}

const LINEAR_REGRESSORS: Record<string, 'identity' | 'log'> = {
  LinearRegression: 'identity',
  Ridge: 'identity',
  Lasso: 'identity',
  ElasticNet: 'identity',
  LinearSVR: 'identity',
  PoissonRegressor: 'log',
  GammaRegressor: 'log',
  TweedieRegressor: 'log',
};

interface LinearClassifierDump {
  classes: number[];
  coef: number[][];
  intercept: number[];
}

function columns(X: MatrixLike): Float64Array[] {
  const m = toMatrix(X);
  return Array.from({ length: m.cols }, (_, j) => Float64Array.from({ length: m.rows }, (_, i) => m.data[i * m.cols + j] as number));
}

/**
 * Post-training quantization and FHE compilation of a fitted model, calibrated and compiled
 * on X (the training data, as Concrete ML's compile(X)): per-feature input quantizers from
 * X's ranges, the model's integer program, its circuit.
 */
export function compileModel(model: CompilableModel, X: MatrixLike, options: FheCompileOptions = {}): FheModel {
  const dump = model.dump();
  const linearLink = LINEAR_REGRESSORS[dump.model];
  const linear = linearLink !== undefined || dump.model === 'LogisticRegression' || dump.model === 'LinearSVC';
  const { nBits = 4, weightBits = 5, accumulatorBits = 10, leafBits, ...config } = options;
  const state = dump.state as { nFeatures: number };
  const m = toMatrix(X);
  if (m.cols !== state.nFeatures) {
    throw new UnsupportedModelError(`${dump.model} was fitted on ${state.nFeatures} features but the compile inputset has ${m.cols}`);
  }
  if (isNeuralNet(dump)) {
    const given = Object.keys(options).filter((k) => ['nBits', 'weightBits', 'accumulatorBits', 'leafBits'].includes(k));
    if (given.length > 0) {
      throw new UnsupportedModelError(`${dump.model} takes its bits as constructor options (nWBits, nABits, nAccumBits), not ${given.join(', ')}`);
    }
    const rows = Array.from({ length: m.rows }, (_, i) => Array.from(row(m, i)));
    const { spec, network, rounding } = quantizeNeuralNet(dump, rows);
    const quantized = rows.map((r) => network.input.quantizeRow(r));
    return FheModel.compile(spec, network.program, quantized, { rounding, ...config });
  }
  const input = UniformQuantizer.calibrate(columns(X), nBits, false);
  const quantizedInputset = Array.from({ length: m.rows }, (_, i) => input.quantizeRow(row(m, i)));
  const base = { modelName: dump.model, nFeatures: state.nFeatures, input: input.params };

  if (linear) {
    let coef: number[][];
    let intercept: number[];
    let head: FheHead;
    if (linearLink !== undefined) {
      const s = dump.state as { coef: number[]; intercept: number };
      coef = [s.coef];
      intercept = [s.intercept];
      const params = dump.params as { power?: number; link?: string };
      const tweedieLink = params.link === 'auto' ? ((params.power ?? 0) <= 0 ? 'identity' : 'log') : params.link;
      head = { kind: 'regressor', link: dump.model === 'TweedieRegressor' ? (tweedieLink as 'identity' | 'log') : linearLink };
    } else {
      const s = dump.state as LinearClassifierDump;
      ({ coef, intercept } = s);
      const params = dump.params as { multiClass?: string };
      const multinomial = params.multiClass === 'multinomial' || (params.multiClass === 'auto' && s.classes.length > 2);
      head = { kind: 'linear-classifier', classes: s.classes, proba: dump.model === 'LinearSVC' ? 'none' : multinomial ? 'multinomial' : 'ovr' };
    }
    const q = quantizeLinear(coef, intercept, input, { weightBits, accumulatorBits });
    const spec: QuantizedModelSpec = {
      ...base,
      outputCount: q.program.outputCount,
      scores: { terms: q.terms, scale: q.scale, offset: q.offset },
      head,
    };
    // no lookup: the message width is the partial sums' width, allowed past the 8-bit default
    return FheModel.compile(spec, q.program, quantizedInputset, { ...config, maxPrecision: config.maxPrecision ?? Math.max(8, accumulatorBits) });
  }

  const ensemble = treeEnsembleOf(dump);
  if (ensemble !== undefined) {
    const q = quantizeTreeEnsemble(ensemble, input, leafBits ?? nBits);
    const spec: QuantizedModelSpec = {
      ...base,
      outputCount: q.program.outputCount,
      scores: { terms: q.terms, scale: q.scale, offset: q.offset },
      head: ensemble.head,
    };
    return FheModel.compile(spec, q.program, quantizedInputset, config);
  }
  throw new UnsupportedModelError(`${dump.model} has no FHE compilation`);
}
