import { inputName, type Graph, type GraphNode, type NdArray, type NodeBounds } from '@cml/tracer';
import { ProgramBuilder, type LinearTerm } from '../program/program-builder.js';
import type { FheProgram } from '../program/program.js';
import { lowerBinaryRegion, lowerExtremumTree } from './binary-lowering.js';
import { broadcastSourceElements } from './broadcast-map.js';
import type { Region } from './fusion.js';
import type { NodePlan } from './materialize.js';
import { regionEvaluator } from './region-evaluator.js';

export interface LoweringInput {
  readonly graph: Graph;
  readonly bounds: readonly NodeBounds[];
  readonly plans: ReadonlyMap<number, NodePlan>;
  readonly clearValue: (id: number) => NdArray;
  readonly maxPrecision: number;
}

/** Context the per-region lowerings share: the builder and the value id of each materialized node. */
export interface LoweringContext {
  readonly graph: Graph;
  readonly builder: ProgramBuilder;
  readonly valueOf: (node: number) => number;
  readonly clearValue: (id: number) => NdArray;
  /** d when node `id`'s ciphertexts hold d times its value (fractional linear maps), else 1. */
  readonly scaleOf: (id: number) => number;
}

/** Emits the FHE program of a planned graph: inputs, linear steps and table lookups, in node order. */
export function lowerToProgram({ graph, bounds, plans, clearValue, maxPrecision }: LoweringInput): FheProgram {
  const builder = new ProgramBuilder();
  const values = new Map<number, number>();
  const valueOf = (node: number): number => {
    const value = values.get(node);
    if (value === undefined) throw new Error(`node %${node} is read before it is materialized`);
    return value;
  };
  const scales = new Map<number, number>();
  const context: LoweringContext = { graph, builder, valueOf, clearValue, scaleOf: (id) => scales.get(id) ?? 1 };
  for (const node of graph.nodes) {
    const plan = plans.get(node.id);
    if (!plan) continue;
    const measured = bounds[node.id] as NodeBounds;
    if (plan.kind === 'input') {
      values.set(node.id, builder.input(inputName(graph, node.id), node.shape, measured.min, measured.max, node.id));
    } else if (plan.kind === 'linear') {
      const rows = plan.map.rows.map((row) => row.map((t): LinearTerm => ({ value: valueOf(t.source), element: t.element, weight: t.weight })));
      const bounds = { min: Math.round(measured.min * plan.scale), max: Math.round(measured.max * plan.scale) };
      values.set(node.id, builder.linear(node.shape, rows, plan.map.bias, node.id, bounds));
      if (plan.scale !== 1) scales.set(node.id, plan.scale);
    } else if (plan.kind === 'extremum') {
      values.set(node.id, lowerExtremumTree(context, node, plan, measured));
    } else {
      values.set(node.id, lowerRegion(context, plan.region));
    }
  }
  for (const output of graph.outputs) builder.output(valueOf(output));
  return builder.finish(maxPrecision);
}

/** One encrypted input: a table per element over its values; two or more: see lowerBinaryRegion. */
function lowerRegion(context: LoweringContext, region: Region): number {
  const { graph, builder, valueOf, clearValue } = context;
  const root = graph.nodes[region.root] as GraphNode;
  if (region.frontier.length === 1) {
    const source = region.frontier[0] as number;
    const evaluate = regionEvaluator(graph, region, clearValue, context.scaleOf);
    const element = broadcastSourceElements(root.shape, (graph.nodes[source] as GraphNode).shape);
    return builder.lookup(valueOf(source), root.shape, element, (v) => evaluate([v]), root.id);
  }
  return lowerBinaryRegion(context, region);
}
