import type { Graph } from '@cml/tracer';
import { GraphBuilder } from './graph-builder.js';

/** Removes nodes no output depends on (inputs always stay: they are the circuit's signature). */
export function eliminateDeadNodes(graph: Graph): Graph {
  const live = new Set<number>([...graph.outputs, ...graph.inputs]);
  for (let id = graph.nodes.length - 1; id >= 0; id--) {
    if (live.has(id)) for (const input of graph.nodes[id]?.inputs ?? []) live.add(input);
  }
  const builder = new GraphBuilder();
  const newId = new Map<number, number>();
  for (const node of graph.nodes) {
    if (!live.has(node.id)) continue;
    const { id: _id, ...rest } = node;
    newId.set(
      node.id,
      builder.add({ ...rest, inputs: node.inputs.map((i) => newId.get(i) as number) }),
    );
  }
  return builder.finish(
    graph.inputs.map((i) => newId.get(i) as number),
    graph.outputs.map((i) => newId.get(i) as number),
  );
}
