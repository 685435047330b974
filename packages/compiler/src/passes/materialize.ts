import { INPUT_OP, type Graph, type GraphNode, type NdArray } from '@cml/tracer';
import { UnsupportedOperationError } from '../errors.js';
import { planExtremum, type ExtremumPlan } from './extrema.js';
import { findRegion, type Region } from './fusion.js';
import {
  encryptedInputs,
  isAffineInEncrypted,
  probeLinearMap,
  rationalScale,
  scaleLinearMap,
  type LinearMap,
} from './linear-map.js';

/** How one materialized encrypted node is computed. */
export type NodePlan =
  | { readonly kind: 'input' }
  /** A linear step; `scale` d > 1 when the node has fractional weights: the ciphertext holds d * value. */
  | { readonly kind: 'linear'; readonly map: LinearMap; readonly scale: number }
  | { readonly kind: 'region'; readonly region: Region }
  | ExtremumPlan
  /** Affine in its encrypted inputs with weights from clear run-time values. */
  | { readonly kind: 'clear-linear'; readonly sources: readonly number[] };

/**
 * Decides which encrypted nodes become ciphertexts and how: walking from the outputs back,
 * an integer node that is affine in its encrypted inputs with integer weights is a linear
 * step (its inputs are materialized); any other node is the root of a fused region of
 * elementwise nodes, computed by table lookups on the region's frontier. Nodes inside
 * regions never become ciphertexts.
 */
export function planMaterialization(
  graph: Graph,
  clearValue: (id: number) => NdArray,
): Map<number, NodePlan> {
  // Every encrypted input is part of the circuit's signature, used or not.
  const materialized = new Set<number>(graph.inputs.filter((id) => graph.nodes[id]?.encrypted));
  for (const id of graph.outputs) {
    const node = graph.nodes[id] as GraphNode;
    if (!node.encrypted) {
      throw new UnsupportedOperationError(
        `output %${id} does not depend on any encrypted input: circuits return encrypted values (compute clear results outside the circuit)`,
      );
    }
    if (node.dtype !== 'int') {
      throw new UnsupportedOperationError(
        `output %${id} is an encrypted float: circuits return integers (add astype('int') or round)`,
      );
    }
    materialized.add(id);
  }
  const plans = new Map<number, NodePlan>();
  const scaled = new Map<number, LinearMap | undefined>();
  const scaledMap = (node: GraphNode): LinearMap | undefined => {
    if (!scaled.has(node.id))
      scaled.set(
        node.id,
        isAffineInEncrypted(graph, node) ? scaledLinearMap(graph, node, clearValue) : undefined,
      );
    return scaled.get(node.id);
  };
  for (let id = graph.nodes.length - 1; id >= 0; id--) {
    if (!materialized.has(id)) continue;
    const node = graph.nodes[id] as GraphNode;
    const plan = planNode(graph, node, materialized, clearValue, scaledMap);
    plans.set(id, plan);
    const needed =
      plan.kind === 'linear'
        ? plan.map.sources
        : plan.kind === 'region'
          ? plan.region.frontier
          : plan.kind === 'extremum'
            ? [plan.source]
            : plan.kind === 'clear-linear'
              ? plan.sources
              : [];
    for (const input of needed) materialized.add(input);
  }
  return plans;
}

/** The map of a node with rational weights, as integer weights with their common denominator. */
function scaledLinearMap(
  graph: Graph,
  node: GraphNode,
  clearValue: (id: number) => NdArray,
): (LinearMap & { scale: number }) | undefined {
  const map = probeLinearMap(graph, node, clearValue, false);
  const scale = map && rationalScale(map);
  return map && scale !== undefined ? { ...scaleLinearMap(map, scale), scale } : undefined;
}

function planNode(
  graph: Graph,
  node: GraphNode,
  materialized: ReadonlySet<number>,
  clearValue: (id: number) => NdArray,
  scaledMap: (node: GraphNode) => LinearMap | undefined,
): NodePlan {
  if (node.op === INPUT_OP) return { kind: 'input' };
  const readsRuntimeClear = node.inputs.some(
    (i) => !graph.nodes[i]?.encrypted && graph.nodes[i]?.op !== 'constant',
  );
  if (readsRuntimeClear) {
    if (node.dtype === 'int' && isAffineInEncrypted(graph, node))
      return { kind: 'clear-linear', sources: encryptedInputs(graph, node) };
    throw new UnsupportedOperationError(
      `'${node.op}' (node %${node.id}) combines encrypted values with clear arguments in a non-linear way: only integer linear operations (add, multiply, matmul ...) may read clear arguments`,
    );
  }
  if (node.dtype === 'int' && isAffineInEncrypted(graph, node)) {
    const map = probeLinearMap(graph, node, clearValue);
    if (map) return { kind: 'linear', map, scale: 1 };
  }
  if (node.dtype === 'float') {
    const map = scaledMap(node) as (LinearMap & { scale: number }) | undefined;
    if (map) return { kind: 'linear', map, scale: map.scale };
  }
  const extremum = planExtremum(graph, node, clearValue);
  if (extremum) return extremum;
  return {
    kind: 'region',
    region: findRegion(graph, node.id, materialized, (n) => scaledMap(n) !== undefined),
  };
}
