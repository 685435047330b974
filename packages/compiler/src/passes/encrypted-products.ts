import { inferOp, type Attrs, type Graph, type GraphNode } from '@cml/tracer';
import { copyNode, rewriteGraph, type GraphBuilder } from './graph-builder.js';

/** Adds `op(inputs)` with the tracer's own shape, dtype and canonical attributes. */
function apply(builder: GraphBuilder, op: string, inputs: readonly number[], attrs: Attrs = {}): number {
  const sources = inputs.map((id) => builder.nodes[id] as GraphNode);
  const inferred = inferOp(op, sources, attrs);
  return builder.add({
    op,
    inputs: [...inputs],
    attrs: inferred.attrs,
    shape: inferred.shape,
    dtype: inferred.dtype,
    encrypted: sources.some((source) => source.encrypted),
  });
}

/**
 * A matrix product of two encrypted operands has no linear lowering: every term a_ik * b_kj
 * multiplies two ciphertexts. This pass rewrites
 *   matmul(A, B) = sum_k (A[..., :, :, newaxis] * B[..., newaxis, :, :])   (axis -2)
 * (1-D operands promoted to a row / column as numpy does, the result reshaped back), so each
 * term becomes an encrypted x encrypted multiply (two lookups) and the sum stays linear.
 * `dot` is rewritten the same way when both operands have at most two axes (where numpy's dot
 * is matmul); products with a clear operand are left alone (they are linear).
 */
export function expandEncryptedProducts(graph: Graph): Graph {
  return rewriteGraph(graph, (node, inputs, builder) => {
    const [a, b] = inputs.map((id) => builder.nodes[id] as GraphNode);
    const isProduct =
      node.op === 'matmul' || (node.op === 'dot' && (a?.shape.length ?? 0) <= 2 && (b?.shape.length ?? 0) <= 2);
    if (!isProduct || !a?.encrypted || !b?.encrypted || a.shape.length === 0 || b.shape.length === 0) {
      return copyNode(node, inputs, builder);
    }
    const [left, right] = inputs as [number, number];
    const row = a.shape.length === 1 ? apply(builder, 'reshape', [left], { shape: [1, a.shape[0] ?? 0] }) : left;
    const column = b.shape.length === 1 ? apply(builder, 'reshape', [right], { shape: [b.shape[0] ?? 0, 1] }) : right;
    const terms = apply(builder, 'multiply', [
      apply(builder, 'expandDims', [row], { axis: -1 }),
      apply(builder, 'expandDims', [column], { axis: -3 }),
    ]);
    const summed = apply(builder, 'sum', [terms], { axis: -2, keepdims: false });
    return apply(builder, 'reshape', [summed], { shape: [...node.shape] });
  });
}
