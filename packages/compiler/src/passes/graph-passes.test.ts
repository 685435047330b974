import { describe, expect, it } from '@jest/globals';
import { evaluate, np, trace, univariate, type Tracer } from '@cml/tracer';
import { eliminateCommonSubexpressions } from './common-subexpressions.js';
import { foldConstants } from './constant-folding.js';
import { eliminateDeadNodes } from './dead-nodes.js';

const count = (graph: { nodes: readonly { op: string }[] }, op: string): number =>
  graph.nodes.filter((n) => n.op === op).length;

describe('graph passes', () => {
  it('CSE merges identical subexpressions and keeps the result', () => {
    const graph = trace(
      (x: Tracer) => np.relu(x.add(1)).add(np.relu(x.add(1))),
      { x: 'encrypted' },
      { inputShapes: { x: [2] } },
    );
    const merged = eliminateDeadNodes(eliminateCommonSubexpressions(graph));
    expect(count(graph, 'relu')).toBe(2);
    expect(count(merged, 'relu')).toBe(1);
    expect(evaluate(merged, [[3, -4]])[0]?.toArray()).toEqual(
      evaluate(graph, [[3, -4]])[0]?.toArray(),
    );
  });

  it('CSE keeps univariate nodes with different functions apart', () => {
    const plusOne = univariate((v) => v + 1);
    const plusTwo = univariate((v) => v + 2);
    const graph = trace(
      (x: Tracer) => plusOne(x).add(plusTwo(x)).add(plusOne(x)),
      { x: 'encrypted' },
      { inputShapes: { x: [] } },
    );
    const merged = eliminateDeadNodes(eliminateCommonSubexpressions(graph));
    expect(count(merged, 'univariate')).toBe(2);
    expect(evaluate(merged, [4])[0]?.toArray()).toEqual([16]);
  });

  it('DCE removes nodes no output reads but keeps unused inputs', () => {
    const graph = trace(
      (x: Tracer, _y: Tracer) => {
        np.sin(x).mul(3);
        return x.add(2);
      },
      { x: 'encrypted', y: 'encrypted' },
      { inputShapes: { x: [], y: [] } },
    );
    const pruned = eliminateDeadNodes(graph);
    expect(count(pruned, 'sin')).toBe(0);
    expect(pruned.inputs.length).toBe(2);
  });

  it('constant folding evaluates clear-only subgraphs', () => {
    const graph = trace(
      (x: Tracer) =>
        x.add(
          np.sum(
            np.matmul(
              [
                [1, 2],
                [3, 4],
              ],
              [1, 1],
            ),
          ),
        ),
      { x: 'encrypted' },
      { inputShapes: { x: [] } },
    );
    const folded = eliminateDeadNodes(foldConstants(graph));
    expect(count(folded, 'matmul')).toBe(0);
    expect(evaluate(folded, [5])[0]?.toArray()).toEqual([15]);
  });
});
