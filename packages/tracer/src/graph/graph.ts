import type { DType } from '../ndarray/dtype.js';
import type { Attrs } from '../ops/op.js';

/**
 * One value of a traced program. `op` is a registered op name, or `input` (attrs.name) or
 * `constant` (attrs.value: the flat row-major values). Inputs refer to earlier nodes, so the
 * node list is in topological order and `id` is the node's index.
 */
export interface GraphNode {
  readonly id: number;
  readonly op: string;
  readonly inputs: readonly number[];
  readonly attrs: Attrs;
  readonly shape: readonly number[];
  readonly dtype: DType;
  /** True iff the node is an encrypted input or any of its inputs is encrypted. */
  readonly encrypted: boolean;
}

/** A traced program: plain, frozen, JSON-serializable data (see serializeGraph). */
export interface Graph {
  readonly nodes: readonly GraphNode[];
  /** Input node ids, in the order of the traced function's parameters. */
  readonly inputs: readonly number[];
  readonly outputs: readonly number[];
}

export const INPUT_OP = 'input';
export const CONSTANT_OP = 'constant';

/** The name of input node `id`. */
export function inputName(graph: Graph, id: number): string {
  return String(graph.nodes[id]?.attrs['name'] ?? `input${id}`);
}

/** For each node id, the ids of the nodes reading it (in graph order). */
export function consumersOf(graph: Graph): number[][] {
  const consumers = graph.nodes.map((): number[] => []);
  for (const node of graph.nodes) for (const input of node.inputs) consumers[input]?.push(node.id);
  return consumers;
}

/** Deep-freezes a graph so that passes must build new graphs instead of editing one. */
export function freezeGraph(graph: Graph): Graph {
  const freeze = <T>(value: T): T => {
    if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
      Object.freeze(value);
      for (const v of Object.values(value)) freeze(v);
    }
    return value;
  };
  return freeze(graph);
}
