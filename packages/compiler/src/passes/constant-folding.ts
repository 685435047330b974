import { CONSTANT_OP, INPUT_OP, NdArray, getOp, type Graph } from '@cml/tracer';
import { copyNode, rewriteGraph } from './graph-builder.js';

/** The value of a constant node. */
export function constantValue(graph: Graph, id: number): NdArray {
  const node = graph.nodes[id];
  if (!node || node.op !== CONSTANT_OP) throw new Error(`node %${id} is not a constant`);
  return new NdArray(
    Float64Array.from(node.attrs['value'] as number[]),
    node.shape,
    node.dtype,
    'constant',
  );
}

/** Evaluates every node whose inputs are all constants and replaces it by a constant node. */
export function foldConstants(graph: Graph): Graph {
  const values = new Map<number, NdArray>();
  return rewriteGraph(graph, (node, inputs, builder) => {
    const foldable =
      node.op !== INPUT_OP && inputs.every((i) => builder.nodes[i]?.op === CONSTANT_OP);
    if (node.op === CONSTANT_OP || !foldable) {
      const id = copyNode(node, inputs, builder);
      if (node.op === CONSTANT_OP) values.set(id, constantValue(graph, node.id));
      return id;
    }
    const args = inputs.map((i) => values.get(i) as NdArray);
    const value = getOp(node.op).evaluate(args, node.attrs, node);
    const id = builder.constant(value.data, node.shape, node.dtype);
    values.set(id, value);
    return id;
  });
}
