import type { Graph } from '@cml/tracer';
import { copyNode, rewriteGraph } from './graph-builder.js';

/** A stable key for attributes; functions (univariate) are keyed by identity. */
function attrsKey(attrs: object, functionIds: Map<unknown, number>): string {
  return JSON.stringify(attrs, (_key, value: unknown) => {
    if (typeof value !== 'function') return value;
    if (!functionIds.has(value)) functionIds.set(value, functionIds.size);
    return `fn#${functionIds.get(value)}`;
  });
}

/** Merges nodes that apply the same op with the same attributes to the same inputs. */
export function eliminateCommonSubexpressions(graph: Graph): Graph {
  const seen = new Map<string, number>();
  const functionIds = new Map<unknown, number>();
  return rewriteGraph(graph, (node, inputs, builder) => {
    if (node.op === 'input') return copyNode(node, inputs, builder);
    const key = `${node.op}|${inputs.join(',')}|${node.dtype}|${node.shape.join('x')}|${attrsKey(node.attrs, functionIds)}`;
    const existing = seen.get(key);
    if (existing !== undefined) return existing;
    const id = copyNode(node, inputs, builder);
    seen.set(key, id);
    return id;
  });
}
