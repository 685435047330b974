import { InputError } from '../errors.js';
import type { Sample } from '../tracing/inputs.js';
import { evaluateAll } from './evaluate.js';
import { CONSTANT_OP, type Graph } from './graph.js';

/** The range a node took over an inputset, and for integers the smallest type holding it. */
export interface NodeBounds {
  readonly min: number;
  readonly max: number;
  /** `float` nodes report their range only. */
  readonly dtype: 'int' | 'float';
  /** Bits of the smallest signed (two's complement) or unsigned integer holding [min, max]; undefined for floats. */
  readonly bitWidth?: number;
  readonly signed?: boolean;
}

/** Bits to hold 0..v as unsigned (at least 1). */
function unsignedBits(v: number): number {
  let bits = 1;
  while (2 ** bits - 1 < v) bits++;
  return bits;
}

/**
 * Smallest integer type for [min, max]: unsigned n bits hold [0, 2^n - 1], signed n bits hold
 * [-2^(n-1), 2^(n-1) - 1] (so [-1, 0] fits in int1, like Concrete's Integer.that_can_represent).
 */
export function integerTypeFor(min: number, max: number): { bitWidth: number; signed: boolean } {
  if (min >= 0) return { bitWidth: unsignedBits(max), signed: false };
  let bits = 1;
  while (-(2 ** (bits - 1)) > min || 2 ** (bits - 1) - 1 < max) bits++;
  return { bitWidth: bits, signed: true };
}

/**
 * Evaluates the graph on every sample of `inputset` (Concrete's form: a one-input graph's
 * sample is the value itself; otherwise a positional list or a record by name) and returns each node's min/max (index =
 * node id) with the integer bit-width it needs. Empty nodes report [0, 0].
 */
export function measureBounds(graph: Graph, inputset: Iterable<Sample>): NodeBounds[] {
  const mins = graph.nodes.map(() => Infinity);
  const maxs = graph.nodes.map(() => -Infinity);
  let count = 0;
  for (const sample of inputset) {
    let values;
    try {
      values = evaluateAll(graph, sample, true);
    } catch (error) {
      if (error instanceof Error && error.name === 'InputError') {
        throw new InputError(`measureBounds: inputset sample ${count}: ${error.message}`);
      }
      throw error;
    }
    values.forEach((value, id) => {
      // A constant takes the same values on every sample.
      if (count > 0 && graph.nodes[id]?.op === CONSTANT_OP) return;
      for (const v of value.data) {
        if (v < (mins[id] ?? Infinity) || Number.isNaN(v)) mins[id] = v;
        if (v > (maxs[id] ?? -Infinity) || Number.isNaN(v)) maxs[id] = v;
      }
    });
    count++;
  }
  if (count === 0) throw new InputError('measureBounds: the inputset is empty');
  return graph.nodes.map((node, id) => {
    const min = mins[id] === Infinity ? 0 : (mins[id] ?? 0);
    const max = maxs[id] === -Infinity ? 0 : (maxs[id] ?? 0);
    if (node.dtype === 'float') return { min, max, dtype: 'float' };
    return { min, max, dtype: 'int', ...integerTypeFor(min, max) };
  });
}
