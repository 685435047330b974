import { TracingError } from '../errors.js';
import { array } from '../ndarray/constructors.js';
import type { DType } from '../ndarray/dtype.js';
import { NdArray, type NestedNumbers } from '../ndarray/ndarray.js';
import { inferOp } from '../ops/evaluate-op.js';
import type { Attrs } from '../ops/op.js';
import { CONSTANT_OP, INPUT_OP, freezeGraph, type Graph, type GraphNode } from '../graph/graph.js';
import { Tracer } from './tracer.js';

/** Collects nodes while a function is traced; `finish` prunes what the outputs do not use. */
export class GraphBuilder {
  private readonly nodes: GraphNode[] = [];
  private readonly inputIds: number[] = [];

  private push(node: Omit<GraphNode, 'id'>): Tracer {
    const id = this.nodes.length;
    this.nodes.push({ id, ...node });
    return new Tracer(this, id, node.shape, node.dtype, node.encrypted);
  }

  addInput(name: string, shape: readonly number[], dtype: DType, encrypted: boolean): Tracer {
    const tracer = this.push({ op: INPUT_OP, inputs: [], attrs: { name }, shape: [...shape], dtype, encrypted });
    this.inputIds.push(tracer.nodeId);
    return tracer;
  }

  addConstant(value: NdArray): Tracer {
    return this.push({
      op: CONSTANT_OP,
      inputs: [],
      attrs: { value: value.toArray() },
      shape: [...value.shape],
      dtype: value.dtype,
      encrypted: false,
    });
  }

  /** A traced value of this graph, or a constant node for a clear operand. */
  toTracer(operand: unknown): Tracer {
    if (operand instanceof Tracer) {
      if (!operand.belongsTo(this)) throw new TracingError('a traced value from another trace() call was used in this one');
      return operand;
    }
    return this.addConstant(operand instanceof NdArray ? operand : array(operand as NestedNumbers));
  }

  /** Records `name(operands)` after checking it with the op's rules. */
  apply(name: string, operands: readonly unknown[], attrs: object | undefined): Tracer {
    const tracers = operands.map((x) => this.toTracer(x));
    const inferred = inferOp(name, tracers, (attrs ?? {}) as Attrs);
    return this.push({
      op: name,
      inputs: tracers.map((t) => t.nodeId),
      attrs: inferred.attrs,
      shape: inferred.shape,
      dtype: inferred.dtype,
      encrypted: tracers.some((t) => t.encrypted),
    });
  }

  /** The graph computing `outputs`, keeping all inputs and only the nodes the outputs need. */
  finish(outputs: readonly Tracer[]): Graph {
    const needed = new Set<number>(this.inputIds);
    const visit = (id: number) => {
      if (needed.has(id) && !this.inputIds.includes(id)) return;
      needed.add(id);
      for (const input of this.nodes[id]?.inputs ?? []) visit(input);
    };
    for (const output of outputs) visit(output.nodeId);
    const renumber = new Map<number, number>();
    const nodes: GraphNode[] = [];
    for (const node of this.nodes) {
      if (!needed.has(node.id)) continue;
      renumber.set(node.id, nodes.length);
      nodes.push({ ...node, id: nodes.length, inputs: node.inputs.map((i) => renumber.get(i) ?? -1) });
    }
    const at = (id: number) => renumber.get(id) ?? -1;
    return freezeGraph({ nodes, inputs: this.inputIds.map(at), outputs: outputs.map((t) => at(t.nodeId)) });
  }
}
