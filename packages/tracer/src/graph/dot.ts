import { formatExpression, formatValueType } from './format.js';
import { CONSTANT_OP, INPUT_OP, type Graph } from './graph.js';

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/**
 * Graphviz DOT text: one box per node (inputs blue, constants grey, encrypted values orange,
 * outputs with a double border), edges labelled with the input position for ops of several inputs.
 */
export function toDot(graph: Graph): string {
  const lines = ['digraph cml {', '  graph [rankdir=TB];', '  node [shape=box, style="rounded,filled", fontname="Helvetica", fillcolor="white"];'];
  for (const node of graph.nodes) {
    const label = `%${node.id} = ${node.op === INPUT_OP || node.op === CONSTANT_OP ? formatExpression(node) : node.op}\n${formatValueType(node)}`;
    const fill = node.op === INPUT_OP ? 'lightblue' : node.op === CONSTANT_OP ? 'lightgrey' : node.encrypted ? 'orange' : 'white';
    const border = graph.outputs.includes(node.id) ? ', peripheries=2' : '';
    lines.push(`  n${node.id} [label=${quote(label)}, fillcolor=${quote(fill)}${border}];`);
  }
  for (const node of graph.nodes) {
    node.inputs.forEach((input, position) => {
      const label = node.inputs.length > 1 ? ` [label=${quote(String(position))}]` : '';
      lines.push(`  n${input} -> n${node.id}${label};`);
    });
  }
  lines.push('}');
  return lines.join('\n');
}
