import type { CanonicalIndexItem } from '../api/indexing.js';
import { formatShape } from '../ndarray/shape.js';
import type { NodeBounds } from './bounds.js';
import { CONSTANT_OP, INPUT_OP, type Graph, type GraphNode } from './graph.js';

/** Long text keeps its head and tail around ' ... ' (Concrete's format_constant). */
function truncate(text: string, maximum = 45): string {
  if (text.length <= maximum) return text;
  const half = Math.floor(maximum / 2);
  return `${text.slice(0, half)} ... ${text.slice(-half)}`;
}

function nested(values: readonly number[], shape: readonly number[]): string {
  if (shape.length === 0) return String(values[0]);
  let position = 0;
  const build = (axis: number): string => {
    if (axis === shape.length) return String(values[position++]);
    return `[${Array.from({ length: shape[axis] ?? 0 }, () => build(axis + 1)).join(', ')}]`;
  };
  return build(0);
}

function formatIndex(index: readonly CanonicalIndexItem[]): string {
  return index
    .map((item) => {
      if (item.kind === 'int') return String(item.index);
      if (item.kind === 'newaxis') return 'newaxis';
      if (item.kind === 'ellipsis') return '...';
      const part = (v: number | null) => (v === null ? '' : String(v));
      return `${part(item.start)}:${part(item.stop)}${item.step === null ? '' : `:${item.step}`}`;
    })
    .join(', ');
}

function formatAttr(key: string, value: unknown): string {
  if (typeof value === 'function') return `${key}=<function>`;
  return `${key}=${truncate(JSON.stringify(value), 40)}`;
}

/** The right-hand side of a node's line: `x`, a constant, `%0[1:3]` or `op(%a, %b, attr=...)`. */
export function formatExpression(node: GraphNode): string {
  if (node.op === INPUT_OP) return String(node.attrs['name']);
  if (node.op === CONSTANT_OP) return truncate(nested(node.attrs['value'] as number[], node.shape));
  const args = node.inputs.map((id) => `%${id}`);
  if (node.op === 'getItem') return `${args[0]}[${formatIndex(node.attrs['index'] as CanonicalIndexItem[])}]`;
  if (node.op === 'lookup' && (node.attrs['gridShape'] as number[]).length === 0) {
    return `lookup(${args[0]}, ${formatAttr('table', (node.attrs['tables'] as number[][])[0])})`;
  }
  const attrs = Object.entries(node.attrs)
    .filter(([key]) => !(node.op === 'univariate' && key === 'fn'))
    .map(([key, value]) => formatAttr(key, value));
  return `${node.op}(${[...args, ...attrs].join(', ')})`;
}

/** Concrete's value type: `EncryptedTensor<uint5, shape=(3,)>`, `ClearScalar<float64>`. */
export function formatValueType(node: GraphNode, bounds?: NodeBounds): string {
  const kind = `${node.encrypted ? 'Encrypted' : 'Clear'}${node.shape.length === 0 ? 'Scalar' : 'Tensor'}`;
  let dtype: string = node.dtype === 'float' ? 'float64' : 'int';
  if (bounds?.bitWidth !== undefined) dtype = `${bounds.signed ? 'int' : 'uint'}${bounds.bitWidth}`;
  return node.shape.length === 0 ? `${kind}<${dtype}>` : `${kind}<${dtype}, shape=${formatShape(node.shape)}>`;
}

function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

/**
 * One line per node in Concrete's style, comments aligned, then the return:
 *   %2 = add(%0, %1)  # EncryptedTensor<uint5, shape=(3,)>  ∈ [0, 27]
 * Bit-widths and ranges appear when `bounds` (from measureBounds) is given.
 */
export function format(graph: Graph, bounds?: readonly NodeBounds[]): string {
  const lefts = graph.nodes.map((node) => `%${node.id} = ${formatExpression(node)}`);
  const types = graph.nodes.map((node) => formatValueType(node, bounds?.[node.id]));
  const leftWidth = lefts.reduce((w, l) => Math.max(w, l.length), 0);
  const typeWidth = types.reduce((w, t) => Math.max(w, t.length), 0);
  const lines = graph.nodes.map((node, i) => {
    const range = bounds?.[node.id];
    const left = `${(lefts[i] ?? '').padEnd(leftWidth)}  # `;
    if (!range) return `${left}${types[i]}`;
    return `${left}${(types[i] ?? '').padEnd(typeWidth)}  ∈ [${formatNumber(range.min)}, ${formatNumber(range.max)}]`;
  });
  const outputs = graph.outputs.map((id) => `%${id}`);
  lines.push(`return ${outputs.length === 1 ? outputs[0] : `(${outputs.join(', ')})`}`);
  return lines.join('\n');
}
