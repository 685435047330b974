import { describe, expect, it } from '@jest/globals';
import { GraphError, InputError, NonIntegerValueError, UnknownOpError, IntegerOverflowError } from '../errors.js';
import { trace } from '../tracing/trace.js';
import { checkGraph, createGraph } from './check.js';
import { evaluate, evaluateAll } from './evaluate.js';
import { consumersOf, type Graph, type GraphNode } from './graph.js';
import { deserializeGraph, serializeGraph } from './serialize.js';

const graph = trace((x, y) => x.mul(y).add(1).sum(1), { x: 'encrypted', y: 'clear' }, { inputShapes: { x: [2, 2], y: [2] } });

/** A copy of `graph` with node `id` changed: graphs are frozen, so tampering builds a new one. */
function tampered(id: number, change: Partial<GraphNode>): Graph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === id ? { ...n, ...change } : n)) };
}

describe('evaluate', () => {
  it('takes arguments positionally or by input name', () => {
    const expected = [[1 * 5 + 1 + 2 * 6 + 1], [3 * 5 + 1 + 4 * 6 + 1]].flat();
    expect(evaluate(graph, [[[1, 2], [3, 4]], [5, 6]])[0]?.toArray()).toEqual(expected);
    expect(evaluate(graph, { y: [5, 6], x: [[1, 2], [3, 4]] })[0]?.toArray()).toEqual(expected);
  });

  it('returns every node value with evaluateAll', () => {
    const values = evaluateAll(graph, [[[1, 2], [3, 4]], [1, 1]]);
    expect(values.map((v) => v.shape)).toEqual(graph.nodes.map((n) => n.shape));
  });

  it('rejects inputs of the wrong arity, shape or integrality', () => {
    expect(() => evaluate(graph, [[[1, 2], [3, 4]]])).toThrow(InputError);
    expect(() => evaluate(graph, [[1, 2], [5, 6]])).toThrow(/input 'x' has shape \(2,\), expected \(2, 2\)/);
    expect(() => evaluate(graph, { x: [[1, 2], [3, 4]] })).toThrow(/missing input 'y'/);
    expect(() => evaluate(graph, { x: [[1, 2], [3, 4]], y: [1, 1], z: 1 })).toThrow(/unknown input/);
    expect(() => evaluate(graph, [[[1, 2.5], [3, 4]], [5, 6]])).toThrow(NonIntegerValueError);
    expect(() => evaluate(graph, [[[1, NaN], [3, 4]], [5, 6]])).toThrow(NonIntegerValueError);
    expect(() => evaluate(graph, [[[1, Infinity], [3, 4]], [5, 6]])).toThrow(NonIntegerValueError);
  });

  it('reports integer results beyond 2^53 - 1 instead of losing precision', () => {
    expect(() => evaluate(graph, [[[2 ** 40, 0], [0, 0]], [2 ** 20, 1]])).toThrow(IntegerOverflowError);
  });
});

describe('consumersOf', () => {
  it('lists the readers of each node', () => {
    // x, y, multiply, 1, add, sum
    expect(consumersOf(graph)).toEqual([[2], [2], [4], [4], [5], []]);
  });
});

describe('checkGraph', () => {
  it('accepts traced graphs', () => {
    expect(checkGraph(graph)).toBe(graph);
  });

  it('createGraph checks and freezes a graph built by hand', () => {
    const built = createGraph([...graph.nodes], graph.inputs, graph.outputs);
    expect(Object.isFrozen(built.nodes)).toBe(true);
    expect(() => createGraph(tampered(3, { shape: [7] }).nodes, graph.inputs, graph.outputs)).toThrow(GraphError);
  });

  it('finds wrong shapes, dtypes, encrypted flags, forward references and unknown ops', () => {
    expect(() => checkGraph(tampered(3, { shape: [3] }))).toThrow(GraphError);
    expect(() => checkGraph(tampered(4, { dtype: 'float' }))).toThrow(/gives dtype int/);
    expect(() => checkGraph(tampered(2, { encrypted: false }))).toThrow(/encrypted flag/);
    expect(() => checkGraph(tampered(2, { inputs: [0, 5] }))).toThrow(/not an earlier node/);
    expect(() => checkGraph(tampered(2, { op: 'frobnicate' }))).toThrow(UnknownOpError);
    expect(() => checkGraph(tampered(3, { attrs: { value: [1, 2] } }))).toThrow(/needs 1 numbers/);
    expect(() => checkGraph({ ...graph, outputs: [42] })).toThrow(/does not exist/);
  });
});

describe('serializeGraph / deserializeGraph', () => {
  it('round-trips through JSON, non-finite constants included', () => {
    const g = trace((x) => x.maximum([-Infinity, 0]).minimum(Infinity), { x: 'encrypted' }, { inputShapes: { x: [2] }, dtypes: { x: 'float' } });
    const restored = deserializeGraph(serializeGraph(g));
    expect(restored).toEqual(g);
    expect(evaluate(restored, [[-3, 7.5]])[0]?.toArray()).toEqual([-3, 7.5]);
  });

  it('reports unknown operations and malformed graphs', () => {
    const text = serializeGraph(graph).replace('"op":"sum"', '"op":"summ"');
    expect(() => deserializeGraph(text)).toThrow(UnknownOpError);
    expect(() => deserializeGraph('{"nodes": 3}')).toThrow(GraphError);
  });

  it('refuses to serialize a univariate node (a JS function)', async () => {
    const { univariate } = await import('../api/extensions.js');
    const g = trace((x) => univariate((v) => v * v)(x), { x: 'encrypted' }, { inputShapes: { x: [] } });
    expect(() => serializeGraph(g)).toThrow(/convert it to a lookup/);
  });
});
