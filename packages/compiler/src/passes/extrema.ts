import { getOp, type Graph, type GraphNode, type NdArray } from '@cml/tracer';
import { probeLinearMap } from './linear-map.js';

/** Reductions that keep one of several encrypted values, and the linear op with the same windows. */
const WINDOW_TWIN: Readonly<Record<string, string>> = {
  max: 'sum',
  min: 'sum',
  maxPool2d: 'avgPool2d',
  argmax: 'sum',
};

export interface ExtremumPlan {
  readonly kind: 'extremum';
  readonly mode: 'max' | 'min' | 'argmax';
  readonly source: number;
  /** For each output element, the source elements it reduces. */
  readonly groups: readonly (readonly number[])[];
}

/**
 * max / min over axes and max pooling of one encrypted integer input: the windows are read
 * off the linear twin (sum, avgPool2d with the same attributes) by probing, and lowered to a
 * tree of pairwise maxima, each b + relu(a - b): one lookup per pair, log2(window) levels.
 * argmax carries each candidate's position along (see argmax.ts).
 */
export function planExtremum(
  graph: Graph,
  node: GraphNode,
  clearValue: (id: number) => NdArray,
): ExtremumPlan | undefined {
  const twin = WINDOW_TWIN[node.op];
  const source = node.inputs[0];
  if (!twin || node.dtype !== 'int' || node.inputs.length !== 1 || source === undefined)
    return undefined;
  const input = graph.nodes[source] as GraphNode;
  // The twin's canonical attributes (argmax stores one axis, sum a list).
  const attrs = getOp(twin).normalize(node.attrs, [input]);
  const map = probeLinearMap(
    graph,
    { ...node, op: twin, attrs, dtype: 'float' },
    clearValue,
    false,
  );
  if (!map) return undefined;
  const groups = map.rows.map((row) => row.map((term) => term.element));
  const mode = node.op === 'min' ? 'min' : node.op === 'argmax' ? 'argmax' : 'max';
  return { kind: 'extremum', mode, source, groups };
}
