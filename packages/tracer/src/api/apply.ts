import { array } from '../ndarray/constructors.js';
import { NdArray, type NestedNumbers } from '../ndarray/ndarray.js';
import { evaluateOp } from '../ops/evaluate-op.js';
import type { Attrs } from '../ops/op.js';
import { APPLY_TRACED, isTraced } from './tracer-brand.js';

/**
 * The one dispatch point of every op call (methods and `np`): if any operand is traced the
 * call is recorded into its graph, otherwise it is evaluated in the clear on NdArrays.
 */
export function applyOperation(name: string, operands: readonly unknown[], attrs?: object): unknown {
  const traced = operands.find(isTraced);
  if (traced) return traced[APPLY_TRACED](name, operands, attrs);
  const arrays = operands.map((x) => (x instanceof NdArray ? x : array(x as NestedNumbers)));
  return evaluateOp(name, arrays, (attrs ?? {}) as Attrs);
}
