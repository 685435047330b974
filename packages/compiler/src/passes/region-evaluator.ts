import { NdArray, getOp, type Graph, type GraphNode } from '@cml/tracer';
import type { Region } from './fusion.js';

/**
 * Evaluates a fused region in the clear with every frontier value set to one scalar (broadcast
 * to its shape; divided by the frontier's scale when its ciphertexts hold a multiple). Returns the root's values, or undefined where the region is undefined there
 * (e.g. log of a negative, or a float that astype('int') rejects): such table entries are
 * never reached by inputs within the compiled range.
 */
export function regionEvaluator(
  graph: Graph,
  region: Region,
  clearValue: (id: number) => NdArray,
  scaleOf: (id: number) => number = () => 1,
): (frontierValues: readonly number[]) => Float64Array | undefined {
  return (frontierValues) => {
    const values = new Map<number, NdArray>();
    region.frontier.forEach((id, k) => {
      const node = graph.nodes[id] as GraphNode;
      const size = node.shape.reduce((a, b) => a * b, 1);
      // A frontier holding d * value (fractional linear map) is divided back here.
      const value = (frontierValues[k] as number) / scaleOf(id);
      values.set(
        id,
        new NdArray(new Float64Array(size).fill(value), node.shape, node.dtype, 'table'),
      );
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
