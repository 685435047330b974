import { inputName, type Graph, type GraphNode, type NdArray, type NodeBounds } from '@cml/tracer';
import { maxRowNorm2, resolveClearLinear } from '../program/clear-linear.js';
import { ProgramBuilder, type LinearTerm } from '../program/program-builder.js';
import type { FheProgram } from '../program/program.js';
import { lowerBinaryRegion, lowerExtremumTree } from './binary-lowering.js';
import { lowerArgmaxTree } from './argmax.js';
import { broadcastSourceElements } from './broadcast-map.js';
import type { Region } from './fusion.js';
import type { NodePlan } from './materialize.js';
import { regionEvaluator } from './region-evaluator.js';

export interface LoweringInput {
  readonly graph: Graph;
  /** Every node's value on each inputset sample (for run-time clear weights' norms). */
  readonly sampleValues: () => readonly (readonly NdArray[])[];
  readonly bounds: readonly NodeBounds[];
  readonly plans: ReadonlyMap<number, NodePlan>;
  readonly clearValue: (id: number) => NdArray;
  readonly maxPrecision: number;
  /** Approximate rounding mode: rounded lookups keep a margin at both ends of their window. */
  readonly approximateRounding?: boolean;
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
export function lowerToProgram({
  approximateRounding = false,
  graph,
  bounds,
  plans,
  clearValue,
  maxPrecision,
  sampleValues,
}: LoweringInput): FheProgram {
  const builder = new ProgramBuilder(approximateRounding);
  const values = new Map<number, number>();
  const valueOf = (node: number): number => {
    const value = values.get(node);
    if (value === undefined) throw new Error(`node %${node} is read before it is materialized`);
    return value;
  };
  const scales = new Map<number, number>();
  const context: LoweringContext = {
    graph,
    builder,
    valueOf,
    clearValue,
    scaleOf: (id) => scales.get(id) ?? 1,
  };
  const clearValues = new Map<number, number>();
  for (const id of graph.inputs) {
    const node = graph.nodes[id] as GraphNode;
    const measured = bounds[id] as NodeBounds;
    if (node.encrypted)
      values.set(
        id,
        builder.input(inputName(graph, id), node.shape, measured.min, measured.max, id),
      );
    else clearValues.set(id, builder.clearInput(inputName(graph, id), node.shape, node.dtype, id));
  }
  /** The clear program value of a clear node, emitting its constant / clear op steps on first use. */
  const clearValueOf = (id: number): number => {
    const existing = clearValues.get(id);
    if (existing !== undefined) return existing;
    const node = graph.nodes[id] as GraphNode;
    const value =
      node.op === 'constant'
        ? builder.clearStep(
            {
              kind: 'constant',
              data: node.attrs['value'] as number[],
              shape: node.shape,
              dtype: node.dtype,
            },
            id,
          )
        : builder.clearStep(
            {
              kind: 'clear',
              op: node.op,
              attrs: node.attrs,
              inputs: node.inputs.map(clearValueOf),
              shape: node.shape,
              dtype: node.dtype,
            },
            id,
          );
    clearValues.set(id, value);
    return value;
  };
  for (const node of graph.nodes) {
    const plan = plans.get(node.id);
    if (!plan || plan.kind === 'input') continue;
    const measured = bounds[node.id] as NodeBounds;
    if (plan.kind === 'clear-linear') {
      values.set(
        node.id,
        lowerClearLinear(graph, node, measured, sampleValues(), { builder, valueOf, clearValueOf }),
      );
    } else if (plan.kind === 'linear') {
      const rows = plan.map.rows.map((row) =>
        row.map((t): LinearTerm => ({
          value: valueOf(t.source),
          element: t.element,
          weight: t.weight,
        })),
      );
      const bounds = {
        min: Math.round(measured.min * plan.scale),
        max: Math.round(measured.max * plan.scale),
      };
      values.set(node.id, builder.linear(node.shape, rows, plan.map.bias, node.id, bounds));
      if (plan.scale !== 1) scales.set(node.id, plan.scale);
    } else if (plan.kind === 'extremum') {
      values.set(
        node.id,
        plan.mode === 'argmax'
          ? lowerArgmaxTree(context, node, plan, measured)
          : lowerExtremumTree(context, node, plan, measured),
      );
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
    return builder.lookup(
      valueOf(source),
      root.shape,
      element,
      (v) => evaluate([v]),
      root.id,
      roundedBits(graph, region),
    );
  }
  return lowerBinaryRegion(context, region);
}

/** An op with run-time clear weights; its norm bound is the largest over the inputset samples. */
function lowerClearLinear(
  graph: Graph,
  node: GraphNode,
  measured: NodeBounds,
  samples: readonly (readonly NdArray[])[],
  {
    builder,
    valueOf,
    clearValueOf,
  }: {
    builder: ProgramBuilder;
    valueOf: (id: number) => number;
    clearValueOf: (id: number) => number;
  },
): number {
  const operands = node.inputs.map((id) => {
    const input = graph.nodes[id] as GraphNode;
    return {
      value: input.encrypted ? valueOf(id) : clearValueOf(id),
      encrypted: input.encrypted,
      shape: input.shape,
      dtype: input.dtype,
    };
  });
  const step = {
    kind: 'clear-linear' as const,
    output: -1,
    op: node.op,
    attrs: node.attrs,
    operands,
    shape: node.shape,
    dtype: node.dtype,
    maxNorm2: Infinity,
  };
  let maxNorm2 = 0;
  for (const sample of samples) {
    const byValue = new Map(
      node.inputs.map((id, k) => [operands[k]?.value as number, sample[id] as NdArray]),
    );
    maxNorm2 = Math.max(
      maxNorm2,
      maxRowNorm2(resolveClearLinear(step, (value) => byValue.get(value) as NdArray)),
    );
  }
  const { output: _output, ...instruction } = step;
  return builder.clearLinear({ ...instruction, maxNorm2 }, measured, node.id);
}

const ROUNDING_MARKERS = new Set(['roundBitPattern', 'truncateBitPattern']);

/** The most low bits a rounding marker in the region removes (the builder checks the table's runs). */
function roundedBits(graph: Graph, region: Region): number {
  let bits = 0;
  for (const id of region.nodes) {
    const node = graph.nodes[id] as GraphNode;
    if (ROUNDING_MARKERS.has(node.op))
      bits = Math.max(bits, Number(node.attrs['lsbsToRemove'] ?? 0));
  }
  return bits;
}
