import { INPUT_OP, getOp, type Graph, type GraphNode } from '@cml/tracer';
import { UnsupportedOperationError } from '../errors.js';
import { encryptedInputs, isAffineInEncrypted } from './linear-map.js';

/** Op categories that act value by value (with broadcasting): they can be fused into a table. */
const ELEMENTWISE = new Set([
  'elementwise-unary',
  'elementwise-binary',
  'elementwise-ternary',
  'comparison',
  'lookup',
  'marker',
]);

export function isElementwise(node: GraphNode): boolean {
  return node.op !== INPUT_OP && node.op !== 'constant' && ELEMENTWISE.has(getOp(node.op).category);
}

/**
 * A fused subgraph computed by table lookups: `root` is the value it produces, `nodes` the
 * encrypted nodes inside (topological order, root last), `frontier` the materialized
 * encrypted integer values it reads. All nodes are elementwise, so root element i depends only
 * on the frontier elements at the broadcast position of i.
 */
export interface Region {
  readonly root: number;
  readonly nodes: readonly number[];
  readonly frontier: readonly number[];
}

/**
 * Whether the walk must stop at an encrypted value and read it as a ciphertext: an integer
 * that is already materialized, an input, not elementwise, or a linear combination of
 * several encrypted values (cheaper as one linear step than inside a multi-input table) or
 * with weights from clear arguments (computed at run time, outside any table); or a
 * float linear combination with rational weights (mean, average pooling), read as d times
 * its value.
 */
function isFrontier(
  graph: Graph,
  node: GraphNode,
  materialized: ReadonlySet<number>,
  isScaledLinear: (node: GraphNode) => boolean,
): boolean {
  if (node.dtype !== 'int')
    return materialized.has(node.id) || (!isElementwise(node) && isScaledLinear(node));
  if (node.op === INPUT_OP || materialized.has(node.id) || !isElementwise(node)) return true;
  if (node.inputs.some((i) => !graph.nodes[i]?.encrypted && graph.nodes[i]?.op !== 'constant'))
    return true;
  return encryptedInputs(graph, node).length > 1 && isAffineInEncrypted(graph, node);
}

/** The largest elementwise subgraph ending at `root` that can be read from integer frontier values. */
export function findRegion(
  graph: Graph,
  root: number,
  materialized: ReadonlySet<number>,
  isScaledLinear: (node: GraphNode) => boolean = () => false,
): Region {
  const nodes = new Set<number>([root]);
  const frontier = new Set<number>();
  const stack = [root];
  while (stack.length > 0) {
    const node = graph.nodes[stack.pop() as number] as GraphNode;
    if (!isElementwise(node)) {
      throw new UnsupportedOperationError(
        `cannot lower '${node.op}' (node %${node.id}) on encrypted values: it is neither an integer linear operation nor elementwise`,
      );
    }
    for (const input of node.inputs) {
      const operand = graph.nodes[input] as GraphNode;
      if (!operand.encrypted && operand.op !== 'constant') {
        throw new UnsupportedOperationError(
          `'${node.op}' (node %${node.id}) reads a clear argument inside a table lookup: a lookup's table must be known at compile time (make that argument a constant, or encrypt it)`,
        );
      }
    }
    for (const input of encryptedInputs(graph, node)) {
      const inputNode = graph.nodes[input] as GraphNode;
      if (nodes.has(input) || frontier.has(input)) continue;
      if (isFrontier(graph, inputNode, materialized, isScaledLinear)) {
        frontier.add(input);
      } else if (!isElementwise(inputNode)) {
        throw new UnsupportedOperationError(
          `the float result of '${inputNode.op}' (node %${input}) mixes several encrypted values: only elementwise float computations can be fused into table lookups; convert to integers first (astype, round, quantization)`,
        );
      } else {
        nodes.add(input);
        stack.push(input);
      }
    }
  }
  return {
    root,
    nodes: [...nodes].sort((a, b) => a - b),
    frontier: [...frontier].sort((a, b) => a - b),
  };
}
