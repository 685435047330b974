import { TracingError } from '../errors.js';
import { checkShape } from '../ndarray/shape.js';
import { isDType, type DType } from '../ndarray/dtype.js';
import type { Graph } from '../graph/graph.js';
import { GraphBuilder } from './graph-builder.js';
import { sampleValues, type Sample } from './inputs.js';
import type { Tracer } from './tracer.js';

/** Which inputs are encrypted, by parameter name, in parameter order (Concrete's `{"x": "encrypted"}`). */
export type InputSpec = Readonly<Record<string, 'encrypted' | 'clear'>>;

export interface TraceOptions {
  /** Input shapes by name (`[]` for a scalar). */
  readonly inputShapes?: Readonly<Record<string, readonly number[]>>;
  /** Alias of `inputShapes`. */
  readonly shapes?: Readonly<Record<string, readonly number[]>>;
  /** Input dtypes by name; `int` unless given or taken from a sample. */
  readonly dtypes?: Readonly<Record<string, DType>>;
  /** A sample of the inputs: its shapes and dtypes are used. */
  readonly sample?: Sample;
  /** An inputset: its first sample gives shapes and dtypes. */
  readonly inputset?: readonly Sample[];
}

/** What a traced function may return: one value or a list of them. */
export type TraceResult = Tracer | readonly Tracer[] | unknown;

function inputTypes(names: readonly string[], options: TraceOptions): { shape: readonly number[]; dtype: DType }[] {
  const sample = options.sample ?? options.inputset?.[0];
  const fromSample = sample === undefined ? undefined : sampleValues(sample, names, 'trace sample');
  const shapes = options.inputShapes ?? options.shapes;
  return names.map((name, i) => {
    const given = shapes?.[name];
    const value = fromSample?.[i];
    if (given === undefined && value === undefined) {
      throw new TracingError(`trace: no shape for input '${name}': pass options.inputShapes, options.sample or options.inputset`);
    }
    const dtype = options.dtypes?.[name] ?? value?.dtype ?? 'int';
    if (!isDType(dtype)) throw new TracingError(`trace: dtype of input '${name}' must be 'int' or 'float'`);
    return { shape: given !== undefined ? checkShape(given, 'trace') : (value?.shape ?? []), dtype };
  });
}

/**
 * Calls `fn` with one Tracer per entry of `spec` (in its key order) and records every op it
 * applies into a Graph. Clear values captured from the closure become constant nodes;
 * returning a list of values gives a graph with several outputs.
 */
export function trace(fn: (...inputs: Tracer[]) => TraceResult, spec: InputSpec, options: TraceOptions = {}): Graph {
  const names = Object.keys(spec);
  for (const name of names) {
    if (spec[name] !== 'encrypted' && spec[name] !== 'clear') {
      throw new TracingError(`trace: input '${name}' must be 'encrypted' or 'clear', got ${JSON.stringify(spec[name])}`);
    }
  }
  const builder = new GraphBuilder();
  const types = inputTypes(names, options);
  const tracers = names.map((name, i) => {
    const type = types[i] ?? { shape: [], dtype: 'int' as const };
    return builder.addInput(name, type.shape, type.dtype, spec[name] === 'encrypted');
  });
  const result = fn(...tracers);
  const outputs = Array.isArray(result) ? (result as unknown[]) : [result];
  if (outputs.length === 0) throw new TracingError('trace: the function returned no value');
  return builder.finish(
    outputs.map((value) => {
      if (value === undefined || value === null) throw new TracingError('trace: the function must return a value (or a list of values)');
      return builder.toTracer(value);
    }),
  );
}
