import { NdArray, getOp, type Graph, type GraphNode } from '@cml/tracer';
import type { Region } from './fusion.js';

/**
 * Evaluates a fused region in the clear with every frontier value set to one scalar (broadcast
 * to its shape). Returns the root's values, or undefined where the region is undefined there
 * (e.g. log of a negative, or a float that astype('int') rejects): such table entries are
 * never reached by inputs within the compiled range.
 */
export function regionEvaluator(
  graph: Graph,
  region: Region,
  clearValue: (id: number) => NdArray,
): (frontierValues: readonly number[]) => Float64Array | undefined {
  return (frontierValues) => {
    const values = new Map<number, NdArray>();
    region.frontier.forEach((id, k) => {
      const node = graph.nodes[id] as GraphNode;
      const size = node.shape.reduce((a, b) => a * b, 1);
      values.set(id, new NdArray(new Float64Array(size).fill(frontierValues[k] as number), node.shape, 'int', 'table'));
    });
    try {
      for (const id of region.nodes) {
        const node = graph.nodes[id] as GraphNode;
        const args = node.inputs.map((i) => values.get(i) ?? clearValue(i));
        values.set(id, getOp(node.op).evaluate(args, node.attrs, node));
      }
    } catch {
      return undefined;
    }
    const root = values.get(region.root)?.data;
    return root && root.every(Number.isFinite) ? root : undefined;
  };
}
