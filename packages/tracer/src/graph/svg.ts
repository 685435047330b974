import type { Graph } from './graph.js';
import { toDot } from './dot.js';

/** An SVG drawing of the graph, laid out by Graphviz compiled to WASM (@viz-js/viz, loaded on first use). */
export async function toSvg(graph: Graph): Promise<string> {
  const { instance } = await import('@viz-js/viz');
  const viz = await instance();
  return viz.renderString(toDot(graph), { format: 'svg' });
}
