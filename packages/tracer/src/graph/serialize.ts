import { GraphError } from '../errors.js';
import { checkGraph } from './check.js';
import { freezeGraph, type Graph } from './graph.js';

const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/**
 * JSON text of a graph. Non-finite numbers (a constant's NaN, a clip bound of Infinity) are
 * written as {"$number": "NaN" | "Infinity" | "-Infinity"}. A `univariate` node holds a JS
 * function and cannot be serialized: turn it into a `lookup` first.
 */
export function serializeGraph(graph: Graph): string {
  return JSON.stringify(graph, (_key, value: unknown) => {
    if (typeof value === 'function') throw new GraphError('serializeGraph: a univariate node holds a function; convert it to a lookup first');
    if (typeof value === 'number' && !Number.isFinite(value)) return { $number: String(value) };
    return value;
  });
}

/** Parses and checks a serialized graph (unknown ops, bad shapes and dangling ids are reported). */
export function deserializeGraph(text: string): Graph {
  const graph = JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && '$number' in value) {
      const n = NON_FINITE[String((value as { $number: unknown }).$number)];
      if (n === undefined) throw new GraphError(`deserializeGraph: bad number ${JSON.stringify(value)}`);
      return n;
    }
    return value;
  }) as Graph;
  if (!graph || !Array.isArray(graph.nodes) || !Array.isArray(graph.inputs) || !Array.isArray(graph.outputs)) {
    throw new GraphError('deserializeGraph: expected an object with nodes, inputs and outputs');
  }
  return freezeGraph(checkGraph(graph));
}
