import { GraphError } from '../errors.js';
import { sameShape, sizeOf, formatShape } from '../ndarray/shape.js';
import { inferOp } from '../ops/evaluate-op.js';
import { CONSTANT_OP, INPUT_OP, freezeGraph, type Graph } from './graph.js';

/**
 * The structural checker (JAX's check_jaxpr): ids are positions, inputs point backwards (so
 * the graph is acyclic), every op is known with the right arity and attributes, each node's
 * shape, dtype and encrypted flag are what its op's rules give, constants hold the right
 * number of values, and the input/output lists are valid. Throws GraphError (UnknownOpError
 * for an unknown op); returns the graph for chaining.
 */
export function checkGraph(graph: Graph): Graph {
  const fail = (id: number, message: string) => {
    throw new GraphError(`node %${id}: ${message}`);
  };
  graph.nodes.forEach((node, index) => {
    if (node.id !== index) fail(index, `id ${node.id} does not match its position ${index}`);
    for (const input of node.inputs) {
      if (!Number.isInteger(input) || input < 0 || input >= index) fail(index, `input %${input} is not an earlier node`);
    }
    if (node.op === INPUT_OP) {
      if (node.inputs.length > 0) fail(index, 'an input node has no inputs');
      if (!graph.inputs.includes(index)) fail(index, 'input node missing from graph.inputs');
      return;
    }
    if (node.op === CONSTANT_OP) {
      const value = node.attrs['value'];
      if (!Array.isArray(value) || value.length !== sizeOf(node.shape) || !value.every((v) => typeof v === 'number')) {
        fail(index, `a constant of shape ${formatShape(node.shape)} needs ${sizeOf(node.shape)} numbers`);
      }
      if (node.encrypted) fail(index, 'a constant cannot be encrypted');
      return;
    }
    const inputs = node.inputs.map((id) => graph.nodes[id] ?? fail(index, `missing input %${id}`)) as Graph['nodes'][number][];
    const inferred = inferOp(node.op, inputs, node.attrs);
    if (!sameShape(inferred.shape, node.shape)) fail(index, `${node.op} gives shape ${formatShape(inferred.shape)}, node says ${formatShape(node.shape)}`);
    if (inferred.dtype !== node.dtype) fail(index, `${node.op} gives dtype ${inferred.dtype}, node says ${node.dtype}`);
    const encrypted = inputs.some((x) => x.encrypted);
    if (encrypted !== node.encrypted) fail(index, `encrypted flag should be ${encrypted} (any input encrypted)`);
  });
  for (const id of graph.inputs) {
    if (graph.nodes[id]?.op !== INPUT_OP) throw new GraphError(`graph.inputs lists %${id}, which is not an input node`);
  }
  for (const id of graph.outputs) {
    if (graph.nodes[id] === undefined) throw new GraphError(`graph.outputs lists %${id}, which does not exist`);
  }
  if (graph.outputs.length === 0) throw new GraphError('a graph needs at least one output');
  return graph;
}

/** How compiler passes make a new graph: checked, then frozen. */
export function createGraph(nodes: Graph['nodes'], inputs: Graph['inputs'], outputs: Graph['outputs']): Graph {
  return freezeGraph(checkGraph({ nodes, inputs, outputs }));
}
