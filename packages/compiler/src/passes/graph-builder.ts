import { CONSTANT_OP, type Attrs, type DType, type Graph, type GraphNode } from '@cml/tracer';

/** Builds a new graph node by node (passes never edit a graph in place). */
export class GraphBuilder {
  readonly nodes: GraphNode[] = [];

  add(node: Omit<GraphNode, 'id'>): number {
    const id = this.nodes.length;
    this.nodes.push({ ...node, id });
    return id;
  }

  constant(value: Float64Array, shape: readonly number[], dtype: DType): number {
    const attrs: Attrs = { value: Array.from(value) };
    return this.add({
      op: CONSTANT_OP,
      inputs: [],
      attrs,
      shape: [...shape],
      dtype,
      encrypted: false,
    });
  }

  finish(inputs: readonly number[], outputs: readonly number[]): Graph {
    return { nodes: this.nodes, inputs: [...inputs], outputs: [...outputs] };
  }
}

/**
 * Rebuilds `graph` in order; `rewrite` returns the new id of each node given the new ids of its
 * inputs (it may add nodes, or return an existing id to merge nodes).
 */
export function rewriteGraph(
  graph: Graph,
  rewrite: (node: GraphNode, inputs: readonly number[], builder: GraphBuilder) => number,
): Graph {
  const builder = new GraphBuilder();
  const newId: number[] = [];
  for (const node of graph.nodes) {
    const inputs = node.inputs.map((i) => newId[i] as number);
    newId[node.id] = rewrite(node, inputs, builder);
  }
  return builder.finish(
    graph.inputs.map((i) => newId[i] as number),
    graph.outputs.map((i) => newId[i] as number),
  );
}

/** Copies a node with new inputs. */
export function copyNode(
  node: GraphNode,
  inputs: readonly number[],
  builder: GraphBuilder,
): number {
  const { id: _id, ...rest } = node;
  return builder.add({ ...rest, inputs: [...inputs] });
}
