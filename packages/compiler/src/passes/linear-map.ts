import { NdArray, getOp, isLinearIn, type Graph, type GraphNode } from '@cml/tracer';
import { broadcastSourceElements } from './broadcast-map.js';

/**
 * The exact affine map of a node in its encrypted inputs: out[i] = bias[i] + sum of
 * weight * source[element] over row i. `sources` are graph node ids.
 */
export interface LinearMap {
  readonly sources: readonly number[];
  readonly rows: readonly (readonly Term[])[];
  readonly bias: readonly number[];
}

export interface Term {
  readonly source: number;
  readonly element: number;
  readonly weight: number;
}

/** The distinct encrypted inputs of a node, in order of first use. */
export function encryptedInputs(graph: Graph, node: GraphNode): number[] {
  return [...new Set(node.inputs.filter((i) => graph.nodes[i]?.encrypted))];
}

/**
 * Whether the op is affine in its encrypted inputs taken together: jointly linear (add,
 * concatenate ...), or linear in its only encrypted operand, which it reads once.
 */
export function isAffineInEncrypted(graph: Graph, node: GraphNode): boolean {
  const op = getOp(node.op);
  const encrypted = encryptedInputs(graph, node);
  if (encrypted.length === 0) return false;
  if (op.jointlyLinear) return true;
  const positions = node.inputs.flatMap((input, position) =>
    graph.nodes[input]?.encrypted ? [position] : [],
  );
  return encrypted.length === 1 && positions.length === 1 && isLinearIn(op, positions[0] as number);
}

/**
 * Extracts the affine map by probing: with every encrypted input at zero the op gives the
 * bias; setting one element of one encrypted input to 1 gives that element's column. Exact
 * for ops that are affine in those inputs (checked by isAffineInEncrypted). With
 * `integerWeights`, returns undefined when a weight or the bias is not an integer (an integer
 * circuit cannot apply it).
 */
export function probeLinearMap(
  graph: Graph,
  node: GraphNode,
  clearValue: (id: number) => NdArray,
  integerWeights = true,
): LinearMap | undefined {
  const op = getOp(node.op);
  const sources = encryptedInputs(graph, node);
  const zeros = new Map(sources.map((id) => [id, zerosLike(graph.nodes[id] as GraphNode)]));
  const run = (probe?: { source: number; value: NdArray }): Float64Array => {
    const args = node.inputs.map((id) => {
      if (probe && id === probe.source) return probe.value;
      return zeros.get(id) ?? clearValue(id);
    });
    return op.evaluate(args, node.attrs, node).data;
  };
  const bias = run();
  if (integerWeights && !bias.every(Number.isInteger)) return undefined;
  const rows: Term[][] = Array.from({ length: bias.length }, () => []);
  const category = op.category;
  for (const source of sources) {
    const input = graph.nodes[source] as GraphNode;
    if (category === 'movement' && input.dtype === 'int') {
      probeMovement(source, input, run, rows);
      continue;
    }
    if (ELEMENTWISE_LINEAR.has(category)) {
      // Output i reads only the element broadcasting maps to it: one probe with all ones.
      const ones = zerosLike(input);
      ones.data.fill(1);
      const column = run({ source, value: ones });
      const elements = broadcastSourceElements(node.shape, input.shape);
      for (let i = 0; i < column.length; i++) {
        const weight = (column[i] as number) - (bias[i] as number);
        if (weight === 0) continue;
        if (integerWeights && !Number.isInteger(weight)) return undefined;
        rows[i]?.push({ source, element: elements[i] as number, weight });
      }
      continue;
    }
    const basis = zerosLike(input);
    for (let element = 0; element < basis.size; element++) {
      basis.data[element] = 1;
      const column = run({ source, value: basis });
      basis.data[element] = 0;
      for (let i = 0; i < column.length; i++) {
        const weight = (column[i] as number) - (bias[i] as number);
        if (weight === 0) continue;
        if (integerWeights && !Number.isInteger(weight)) return undefined;
        rows[i]?.push({ source, element, weight });
      }
    }
  }
  return { sources, rows, bias: Array.from(bias) };
}

const ELEMENTWISE_LINEAR = new Set([
  'elementwise-unary',
  'elementwise-binary',
  'elementwise-ternary',
]);

/** Above every value a movement can produce from zeros and constants: marks copied elements. */
const TAG = 2 ** 40;

/**
 * Movements only copy elements (or write constants): one probe with element e tagged TAG + e
 * tells where every element goes.
 */
function probeMovement(
  source: number,
  input: GraphNode,
  run: (probe: { source: number; value: NdArray }) => Float64Array,
  rows: Term[][],
): void {
  const tags = zerosLike(input);
  for (let e = 0; e < tags.size; e++) tags.data[e] = TAG + e;
  const out = run({ source, value: tags });
  for (let i = 0; i < out.length; i++) {
    const v = out[i] as number;
    if (v >= TAG) rows[i]?.push({ source, element: v - TAG, weight: 1 });
  }
}

function zerosLike(node: GraphNode): NdArray {
  return new NdArray(
    new Float64Array(node.shape.reduce((a, b) => a * b, 1)),
    node.shape,
    node.dtype,
    'probe',
  );
}

/** The largest denominator tried when a linear map has fractional weights (mean over 4096 values). */
const MAX_DENOMINATOR = 4096;

/**
 * The smallest integer d making every weight and the bias of `map` integers (d = 9 for a 3x3
 * average), or undefined when there is none up to MAX_DENOMINATOR. The circuit then computes
 * d times the value exactly and folds the division into the next table lookup.
 */
export function rationalScale(map: LinearMap): number | undefined {
  const numbers = [...map.bias, ...map.rows.flatMap((row) => row.map((term) => term.weight))];
  const isInteger = (v: number): boolean =>
    Math.abs(v - Math.round(v)) <= 1e-9 * Math.max(1, Math.abs(v));
  for (let d = 1; d <= MAX_DENOMINATOR; d++) {
    if (numbers.every((v) => isInteger(v * d))) return d;
  }
  return undefined;
}

/** The map multiplied by d, with weights rounded to the integers they are. */
export function scaleLinearMap(map: LinearMap, d: number): LinearMap {
  return {
    sources: map.sources,
    rows: map.rows.map((row) =>
      row.map((term) => ({ ...term, weight: Math.round(term.weight * d) })),
    ),
    bias: map.bias.map((b) => Math.round(b * d)),
  };
}
