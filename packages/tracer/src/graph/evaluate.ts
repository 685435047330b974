import { GraphError, InputError } from '../errors.js';
import { NdArray, type ClearOperand } from '../ndarray/ndarray.js';
import { getOp } from '../ops/registry.js';
import { sampleValues, checkInputValue, type Sample } from '../tracing/inputs.js';
import { CONSTANT_OP, INPUT_OP, inputName, type Graph, type GraphNode } from './graph.js';

/** The graph's input names, in order. */
export function inputNames(graph: Graph): string[] {
  return graph.inputs.map((id) => inputName(graph, id));
}

/** Constant nodes as NdArrays, built once per node (nodes are frozen, NdArrays never mutated). */
const constants = new WeakMap<GraphNode, NdArray>();

function constantValue(node: GraphNode): NdArray {
  let value = constants.get(node);
  if (!value) {
    value = new NdArray(Float64Array.from(node.attrs['value'] as number[]), node.shape, node.dtype, 'constant');
    constants.set(node, value);
  }
  return value;
}

/** The arguments of a graph call: positional, or a record by input name. */
export type GraphArguments = readonly ClearOperand[] | Readonly<Record<string, ClearOperand>>;

/**
 * Every node's value (index = node id): the interpreter the other layers test against.
 * `inputs` are the call's arguments, or with `asSample` an inputset sample (whose one-input
 * form is the bare value, as in Concrete).
 */
export function evaluateAll(graph: Graph, inputs: GraphArguments | Sample, asSample = false): NdArray[] {
  const names = inputNames(graph);
  const given = sampleValues(inputs as Sample, names, 'evaluate', asSample);
  const values: NdArray[] = [];
  for (const node of graph.nodes) {
    if (node.op === INPUT_OP) {
      const position = graph.inputs.indexOf(node.id);
      const value = given[position];
      if (value === undefined) throw new InputError(`evaluate: node %${node.id} is an input the graph does not list`);
      values.push(checkInputValue(value, names[position] ?? '', node.shape, node.dtype, 'evaluate'));
    } else if (node.op === CONSTANT_OP) {
      values.push(constantValue(node));
    } else {
      const args = node.inputs.map((id) => {
        const value = values[id];
        if (value === undefined) throw new GraphError(`evaluate: node %${node.id} reads %${id}, which is not computed before it`);
        return value;
      });
      // Stored attributes are canonical, and the shape/dtype rules ran when the node was made.
      values.push(getOp(node.op).evaluate(args, node.attrs, node));
    }
  }
  return values;
}

/** The graph's outputs (always a list) for the given arguments (positional or by input name). */
export function evaluate(graph: Graph, inputs: GraphArguments): NdArray[] {
  const values = evaluateAll(graph, inputs);
  return graph.outputs.map((id) => values[id] as NdArray);
}
