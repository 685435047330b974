import { GraphError, InputError } from '../errors.js';
import { NdArray } from '../ndarray/ndarray.js';
import { getOp } from '../ops/registry.js';
import { sampleValues, checkInputValue, type Sample } from '../tracing/inputs.js';
import { CONSTANT_OP, INPUT_OP, inputName, type Graph } from './graph.js';

/** The graph's input names, in order. */
export function inputNames(graph: Graph): string[] {
  return graph.inputs.map((id) => inputName(graph, id));
}

/** Every node's value for one sample (index = node id): the interpreter the other layers test against. */
export function evaluateAll(graph: Graph, inputs: Sample): NdArray[] {
  const names = inputNames(graph);
  const given = sampleValues(inputs, names, 'evaluate');
  const values: NdArray[] = [];
  for (const node of graph.nodes) {
    if (node.op === INPUT_OP) {
      const position = graph.inputs.indexOf(node.id);
      const value = given[position];
      if (value === undefined) throw new InputError(`evaluate: node %${node.id} is an input the graph does not list`);
      values.push(checkInputValue(value, names[position] ?? '', node.shape, node.dtype, 'evaluate'));
    } else if (node.op === CONSTANT_OP) {
      values.push(new NdArray(Float64Array.from(node.attrs['value'] as number[]), node.shape, node.dtype, 'constant'));
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

/** The graph's outputs for one sample of its inputs (positional, by name, or the value of a one-input graph). */
export function evaluate(graph: Graph, inputs: Sample): NdArray[] {
  const values = evaluateAll(graph, inputs);
  return graph.outputs.map((id) => values[id] as NdArray);
}
