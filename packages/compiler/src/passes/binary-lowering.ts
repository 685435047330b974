import type { GraphNode, NodeBounds } from '@cml/tracer';
import type { ExtremumPlan } from './extrema.js';
import type { LinearTerm } from '../program/program-builder.js';
import { broadcastSourceElements } from './broadcast-map.js';
import type { Region } from './fusion.js';
import type { LoweringContext } from './lower.js';
import { regionEvaluator } from './region-evaluator.js';

const COMPARISONS = new Set(['greater', 'greaterEqual', 'less', 'lessEqual', 'equal', 'notEqual']);

/**
 * A region reading several encrypted values. Special forms cost fewer bits:
 * - a * b = floor((a+b)^2/4) - floor((a-b)^2/4): exact for integers, since (a+b)^2 and
 *   (a-b)^2 have the same parity, so both floors drop the same fraction. Two lookups.
 * - comparisons: op(a, b) = op(a - b, 0). One lookup on the difference.
 * - maximum(a, b) = b + relu(a - b), minimum(a, b) = a - relu(a - b). One lookup.
 * Otherwise the frontier values are packed into one integer, sum (v_k - min_k) * stride_k,
 * and one table evaluates the region on every combination (bits add up: keep it small).
 */
export function lowerBinaryRegion(context: LoweringContext, region: Region): number {
  const { graph } = context;
  const root = graph.nodes[region.root] as GraphNode;
  const direct =
    region.nodes.length === 1 && region.frontier.length === 2 && root.inputs.length === 2;
  const [a, b] = root.inputs as [number, number];
  const inputsAreInts =
    direct && a !== b && root.inputs.every((i) => graph.nodes[i]?.dtype === 'int');
  if (inputsAreInts && root.op === 'multiply') return lowerProduct(context, root, a, b);
  if (inputsAreInts && COMPARISONS.has(root.op)) return lowerComparison(context, root, a, b);
  if (inputsAreInts && (root.op === 'maximum' || root.op === 'minimum'))
    return lowerExtremum(context, root, a, b);
  return lowerPacked(context, region);
}

/** Rows reading sum_k weight_k * node_k, each broadcast to `shape`. */
function combination(
  context: LoweringContext,
  shape: readonly number[],
  terms: readonly { node: number; weight: number }[],
): LinearTerm[][] {
  const maps = terms.map(({ node }) =>
    broadcastSourceElements(shape, (context.graph.nodes[node] as GraphNode).shape),
  );
  const size = shape.reduce((x, y) => x * y, 1);
  return Array.from({ length: size }, (_, i) =>
    terms.map(({ node, weight }, k) => ({
      value: context.valueOf(node),
      element: maps[k]?.[i] as number,
      weight,
    })),
  );
}

const identity = (size: number): number[] => Array.from({ length: size }, (_, i) => i);

function uniformColumn(size: number, f: (v: number) => number): (v: number) => Float64Array {
  return (v) => new Float64Array(size).fill(f(v));
}

function lowerProduct(context: LoweringContext, root: GraphNode, a: number, b: number): number {
  const { builder } = context;
  const size = root.shape.reduce((x, y) => x * y, 1);
  const zeros = new Array<number>(size).fill(0);
  const sum = builder.linear(
    root.shape,
    combination(context, root.shape, [
      { node: a, weight: 1 },
      { node: b, weight: 1 },
    ]),
    zeros,
  );
  const difference = builder.linear(
    root.shape,
    combination(context, root.shape, [
      { node: a, weight: 1 },
      { node: b, weight: -1 },
    ]),
    zeros,
  );
  const quarterSquare = uniformColumn(size, (v) => Math.floor((v * v) / 4));
  const high = builder.lookup(sum, root.shape, identity(size), quarterSquare);
  const low = builder.lookup(difference, root.shape, identity(size), quarterSquare);
  const rows = identity(size).map((i) => [
    { value: high, element: i, weight: 1 },
    { value: low, element: i, weight: -1 },
  ]);
  return builder.linear(root.shape, rows, zeros, root.id);
}

function lowerComparison(context: LoweringContext, root: GraphNode, a: number, b: number): number {
  const { builder, graph } = context;
  const size = root.shape.reduce((x, y) => x * y, 1);
  const zeros = new Array<number>(size).fill(0);
  const difference = builder.linear(
    root.shape,
    combination(context, root.shape, [
      { node: a, weight: 1 },
      { node: b, weight: -1 },
    ]),
    zeros,
  );
  const compare = regionEvaluator(
    graph,
    { root: root.id, nodes: [root.id], frontier: [a, b] },
    context.clearValue,
  );
  return builder.lookup(difference, root.shape, identity(size), (d) => compare([d, 0]), root.id);
}

function lowerExtremum(context: LoweringContext, root: GraphNode, a: number, b: number): number {
  const { builder } = context;
  const size = root.shape.reduce((x, y) => x * y, 1);
  const zeros = new Array<number>(size).fill(0);
  const difference = builder.linear(
    root.shape,
    combination(context, root.shape, [
      { node: a, weight: 1 },
      { node: b, weight: -1 },
    ]),
    zeros,
  );
  const relu = builder.lookup(
    difference,
    root.shape,
    identity(size),
    uniformColumn(size, (d) => Math.max(d, 0)),
  );
  const base = combination(context, root.shape, [
    { node: root.op === 'maximum' ? b : a, weight: 1 },
  ]);
  const sign = root.op === 'maximum' ? 1 : -1;
  const rows = base.map((row, i) => [...row, { value: relu, element: i, weight: sign }]);
  return builder.linear(root.shape, rows, zeros, root.id);
}

function lowerPacked(context: LoweringContext, region: Region): number {
  const { builder, graph } = context;
  const root = graph.nodes[region.root] as GraphNode;
  const size = root.shape.reduce((x, y) => x * y, 1);
  const ranges = region.frontier.map((node) => builder.value(context.valueOf(node)));
  const strides: number[] = [];
  let stride = 1;
  for (let k = ranges.length - 1; k >= 0; k--) {
    strides[k] = stride;
    const range = ranges[k] as { min: number; max: number };
    stride *= range.max - range.min + 1;
  }
  const terms = region.frontier.map((node, k) => ({ node, weight: strides[k] as number }));
  const offset = -ranges.reduce((acc, range, k) => acc + range.min * (strides[k] as number), 0);
  const packed = builder.linear(
    root.shape,
    combination(context, root.shape, terms),
    new Array<number>(size).fill(offset),
  );
  const evaluate = regionEvaluator(graph, region, context.clearValue, context.scaleOf);
  const count = stride;
  return builder.lookup(
    packed,
    root.shape,
    identity(size),
    (code) => {
      if (code < 0 || code >= count) return undefined;
      const values = ranges.map(
        (range, k) =>
          range.min + (Math.floor(code / (strides[k] as number)) % (range.max - range.min + 1)),
      );
      return evaluate(values);
    },
    root.id,
  );
}

/** A tree of pairwise maxima (or minima) over each group; all pairs of one level share three instructions. */
export function lowerExtremumTree(
  context: LoweringContext,
  root: GraphNode,
  plan: ExtremumPlan,
  measured: NodeBounds,
): number {
  const { builder } = context;
  const sign = plan.mode === 'max' ? 1 : -1;
  let groups: LinearTerm[][] = plan.groups.map((group) =>
    group.map((element) => ({ value: context.valueOf(plan.source), element, weight: 1 })),
  );
  while (groups.some((group) => group.length > 1)) {
    const pairs: [LinearTerm, LinearTerm][] = [];
    const next: LinearTerm[][] = groups.map((group) => {
      const kept: LinearTerm[] = [];
      for (let i = 0; i + 1 < group.length; i += 2) {
        kept.push({ value: -1, element: pairs.length, weight: 1 });
        pairs.push([group[i] as LinearTerm, group[i + 1] as LinearTerm]);
      }
      if (group.length % 2 === 1) kept.push(group[group.length - 1] as LinearTerm);
      return kept;
    });
    const shape = [pairs.length];
    const zeros = new Array<number>(pairs.length).fill(0);
    const difference = builder.linear(
      shape,
      pairs.map(([a, b]) => [a, { ...b, weight: -1 }]),
      zeros,
    );
    const relu = builder.lookup(
      difference,
      shape,
      identity(pairs.length),
      uniformColumn(pairs.length, (d) => Math.max(d, 0)),
    );
    // max(a, b) = b + relu(a - b);  min(a, b) = a - relu(a - b).
    const extremum = builder.linear(
      shape,
      pairs.map(([a, b], i) => [sign > 0 ? b : a, { value: relu, element: i, weight: sign }]),
      zeros,
    );
    groups = next.map((group) =>
      group.map((term) => (term.value === -1 ? { ...term, value: extremum } : term)),
    );
  }
  const rows = groups.map((group) => group.slice(0, 1));
  return builder.linear(
    root.shape,
    rows,
    new Array<number>(rows.length).fill(0),
    root.id,
    measured,
  );
}
