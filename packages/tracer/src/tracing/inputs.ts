import { InputError, NonIntegerValueError } from '../errors.js';
import { array } from '../ndarray/constructors.js';
import { NdArray, type ClearOperand } from '../ndarray/ndarray.js';
import { formatShape, sameShape } from '../ndarray/shape.js';
import type { DType } from '../ndarray/dtype.js';

/**
 * One sample of a function's inputs. As in Concrete's inputsets, a one-input function's
 * sample is the value itself; with several inputs it is a positional list. A record by input
 * name works for any number of inputs.
 */
export type Sample = readonly ClearOperand[] | Readonly<Record<string, ClearOperand>> | ClearOperand;

function isRecord(sample: unknown): sample is Readonly<Record<string, unknown>> {
  return typeof sample === 'object' && sample !== null && !Array.isArray(sample) && !(sample instanceof NdArray);
}

/**
 * The sample's values in parameter order, or an InputError naming what is wrong. With
 * `bareSingle`, a one-input sample is the value itself (inputsets); otherwise it is always a
 * positional list or a record (a call's arguments).
 */
export function sampleValues(sample: Sample, names: readonly string[], where: string, bareSingle = true): NdArray[] {
  let values: unknown[];
  if (isRecord(sample)) {
    const unknown = Object.keys(sample).filter((k) => !names.includes(k));
    if (unknown.length > 0) throw new InputError(`${where}: unknown input(s) ${unknown.join(', ')} (expected ${names.join(', ')})`);
    values = names.map((n) => {
      if (!(n in sample)) throw new InputError(`${where}: missing input '${n}'`);
      return sample[n];
    });
  } else if (names.length === 1 && bareSingle) {
    values = [sample];
  } else if (Array.isArray(sample)) {
    values = sample as unknown[];
  } else {
    throw new InputError(`${where}: expected ${names.length} inputs (${names.join(', ')}) as a list or a record, got ${String(sample)}`);
  }
  if (values.length !== names.length) {
    throw new InputError(`${where}: expected ${names.length} inputs (${names.join(', ')}), got ${values.length}`);
  }
  return values.map((v, i) => {
    try {
      return v instanceof NdArray ? v : array(v as ClearOperand);
    } catch (error) {
      throw new InputError(`${where}: input '${names[i]}' is not an array of numbers: ${(error as Error).message}`);
    }
  });
}

/**
 * Checks a value against a graph input's shape and dtype: an `int` input needs finite
 * integers; a `float` input accepts anything numeric.
 */
export function checkInputValue(value: NdArray, name: string, shape: readonly number[], dtype: DType, where: string): NdArray {
  if (!sameShape(value.shape, shape)) {
    throw new InputError(`${where}: input '${name}' has shape ${formatShape(value.shape)}, expected ${formatShape(shape)}`);
  }
  if (dtype === 'int' && value.dtype === 'float') {
    const bad = value.data.find((v) => !Number.isInteger(v));
    if (bad !== undefined) throw new NonIntegerValueError(`${where}: input '${name}' is an integer input but holds ${bad}`);
    return new NdArray(Float64Array.from(value.data), value.shape, 'int', where);
  }
  if (dtype === 'float' && value.dtype === 'int') return new NdArray(value.data, value.shape, 'float', where);
  return value;
}
