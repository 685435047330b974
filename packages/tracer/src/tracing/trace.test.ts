import { describe, expect, it } from '@jest/globals';
import { np } from '../api/np.js';
import { ShapeError, TracingError, DTypeError } from '../errors.js';
import { array } from '../ndarray/constructors.js';
import { evaluate } from '../graph/evaluate.js';
import { trace } from './trace.js';
import type { Tracer } from './tracer.js';

describe('trace', () => {
  it('records each op as a node with inputs, shape, dtype and encrypted flag', () => {
    const graph = trace((x, y) => x.add(y).mul(3).sum(), { x: 'encrypted', y: 'clear' }, { inputShapes: { x: [3], y: [3] } });
    expect(graph.nodes.map((n) => n.op)).toEqual(['input', 'input', 'add', 'constant', 'multiply', 'sum']);
    expect(graph.nodes.map((n) => n.encrypted)).toEqual([true, false, true, false, true, true]);
    expect(graph.nodes[5]).toMatchObject({ inputs: [4], shape: [], dtype: 'int', attrs: { axis: [0], keepdims: false } });
    expect(graph.inputs).toEqual([0, 1]);
    expect(graph.outputs).toEqual([5]);
  });

  it('marks a node encrypted only when one of its inputs is', () => {
    const graph = trace((x, y) => np.add(x, y.mul(2)), { x: 'encrypted', y: 'clear' }, { inputShapes: { x: [], y: [] } });
    const byOp = Object.fromEntries(graph.nodes.map((n) => [n.op, n.encrypted]));
    expect(byOp).toEqual({ input: false, constant: false, multiply: false, add: true });
    expect(graph.nodes[0]?.encrypted).toBe(true);
  });

  it('turns closure constants (numbers, nested arrays, NdArrays) into constant nodes', () => {
    const weights = array([[1, 2], [3, 4], [5, 6]]);
    const graph = trace((x) => np.matmul(x, weights).add([10, 20]).mul(0.5), { x: 'encrypted' }, { inputShapes: { x: [3] } });
    const constants = graph.nodes.filter((n) => n.op === 'constant');
    expect(constants.map((n) => [n.shape, n.dtype, n.attrs['value']])).toEqual([
      [[3, 2], 'int', [1, 2, 3, 4, 5, 6]],
      [[2], 'int', [10, 20]],
      [[], 'float', [0.5]],
    ]);
    expect(graph.nodes.at(-1)?.dtype).toBe('float');
    expect(evaluate(graph, [[1, 1, 1]])[0]?.toArray()).toEqual([9.5, 16]);
  });

  it('takes input shapes and dtypes from options.shapes, a sample or an inputset', () => {
    const f = (x: Tracer, y: Tracer) => x.add(y);
    const spec = { x: 'encrypted', y: 'clear' } as const;
    expect(trace(f, spec, { shapes: { x: [2], y: [] } }).nodes[2]?.shape).toEqual([2]);
    expect(trace(f, spec, { sample: [[1, 2, 3], 1.5] }).nodes[2]).toMatchObject({ shape: [3], dtype: 'float' });
    expect(trace(f, spec, { inputset: [{ x: [[1], [2]], y: [1, 2, 3] }] }).nodes[2]?.shape).toEqual([2, 3]);
    expect(trace(f, spec, { inputShapes: { x: [2], y: [2] }, dtypes: { x: 'float' } }).nodes[2]?.dtype).toBe('float');
    expect(() => trace(f, spec, { inputShapes: { x: [2] } })).toThrow(/no shape for input 'y'/);
  });

  it('supports several outputs, an input as output and prunes unused nodes', () => {
    const graph = trace((x) => {
      x.mul(100); // unused: pruned
      return [x, x.neg()];
    }, { x: 'encrypted' }, { inputShapes: { x: [2] } });
    expect(graph.nodes.map((n) => n.op)).toEqual(['input', 'negative']);
    expect(graph.outputs).toEqual([0, 1]);
    expect(evaluate(graph, [[1, -2]]).map((v) => v.toArray())).toEqual([[1, -2], [-1, 2]]);
  });

  it('rejects Python-style control flow and coercion of traced values with an explanation', () => {
    const spec = { x: 'encrypted' } as const;
    const options = { inputShapes: { x: [] } };
    // @ts-expect-error: comparing a Tracer with > is exactly the misuse being tested
    expect(() => trace((x) => (x > 3 ? x : x.neg()), spec, options)).toThrow(TracingError);
    // @ts-expect-error: arithmetic operators on a Tracer
    expect(() => trace((x) => x * 2, spec, options)).toThrow(/use np.where/);
    expect(() => trace((x) => `${x}`, spec, options)).toThrow(/cannot use a traced value/);
    expect(() => trace((x) => Number(x), spec, options)).toThrow(TracingError);
  });

  it('reports shape and dtype errors at trace time, naming the op and both shapes', () => {
    const spec = { x: 'encrypted', y: 'encrypted' } as const;
    expect(() => trace((x, y) => x.add(y), spec, { inputShapes: { x: [2, 3], y: [4] } })).toThrow(ShapeError);
    expect(() => trace((x, y) => x.add(y), spec, { inputShapes: { x: [2, 3], y: [4] } })).toThrow(/add: shapes \(2, 3\) and \(4,\)/);
    expect(() => trace((x) => x.bitwiseAnd(3), { x: 'encrypted' }, { inputShapes: { x: [2] }, dtypes: { x: 'float' } })).toThrow(DTypeError);
  });

  it('rejects values from another trace, bad specs and functions returning nothing', () => {
    let leaked: Tracer | undefined;
    trace((x) => (leaked = x), { x: 'encrypted' }, { inputShapes: { x: [] } });
    expect(() => trace((x) => x.add(leaked as Tracer), { x: 'encrypted' }, { inputShapes: { x: [] } })).toThrow(/another trace/);
    // @ts-expect-error: an invalid spec value
    expect(() => trace((x) => x, { x: 'secret' }, { inputShapes: { x: [] } })).toThrow(/'encrypted' or 'clear'/);
    expect(() => trace(() => undefined, { x: 'encrypted' }, { inputShapes: { x: [] } })).toThrow(/must return a value/);
  });

  it('the same np function runs in the clear on NdArrays, numbers and nested arrays', () => {
    const f = <T extends Tracer | ReturnType<typeof array>>(x: T) => np.where(np.greater(x, 2), np.multiply(x, 10), np.negative(x));
    expect(f(array([1, 2, 3, 4])).toArray()).toEqual([-1, -2, 30, 40]);
    expect(np.add(1, [2, 3]).toArray()).toEqual([3, 4]);
    const graph = trace(f, { x: 'encrypted' }, { inputShapes: { x: [4] } });
    expect(evaluate(graph, [[1, 2, 3, 4]])[0]?.toArray()).toEqual([-1, -2, 30, 40]);
  });
});
