import { describe, expect, it } from '@jest/globals';
import { array, evaluate, trace, type Tracer } from '@cml/tracer';
import { compile } from '../compile.js';
import { expandEncryptedProducts } from './encrypted-products.js';

const matrices: [number[][], number[][]][] = [
  [
    [[1, 2, 0], [3, 1, 2]],
    [[2, 0], [1, 3], [0, 1]],
  ],
  [
    [[3, 3, 1], [0, 2, 3]],
    [[1, 2], [3, 0], [2, 2]],
  ],
  [
    [[0, 0, 0], [3, 3, 3]],
    [[3, 3], [3, 3], [0, 3]],
  ],
];

describe('encrypted x encrypted matrix products', () => {
  it('rewrites matmul of two encrypted operands into products and a sum with the same values', () => {
    const graph = trace((x: Tracer, y: Tracer) => x.matmul(y), { x: 'encrypted', y: 'encrypted' }, {
      inputShapes: { x: [2, 3], y: [3, 2] },
    });
    const rewritten = expandEncryptedProducts(graph);
    expect(rewritten.nodes.some((node) => node.op === 'matmul')).toBe(false);
    expect(rewritten.nodes.some((node) => node.op === 'multiply')).toBe(true);
    for (const [a, b] of matrices) {
      expect(evaluate(rewritten, [a, b])[0]?.toNested()).toEqual(evaluate(graph, [a, b])[0]?.toNested());
    }
  });

  it('leaves a product with a clear operand linear', () => {
    const weights = array([[1, 2], [3, 4], [5, 6]]);
    const graph = trace((x: Tracer) => x.matmul(weights), { x: 'encrypted' }, { inputShapes: { x: [2, 3] } });
    expect(expandEncryptedProducts(graph).nodes.map((node) => node.op)).toEqual(graph.nodes.map((node) => node.op));
  });

  it('compiles matmul and 1-D dot of two encrypted values and simulates them exactly', () => {
    const product = compile((x: Tracer, y: Tracer) => x.matmul(y), { x: 'encrypted', y: 'encrypted' }, matrices);
    for (const [a, b] of matrices) {
      expect(product.simulate(a, b)[0]?.toNested()).toEqual(array(a).matmul(array(b)).toNested());
    }
    const vectors = matrices.map(([a, b]): [number[], number[]] => [a[0] as number[], b.map((r) => r[1] as number)]);
    const dot = compile((x: Tracer, y: Tracer) => x.dot(y), { x: 'encrypted', y: 'encrypted' }, vectors);
    for (const [u, v] of vectors) {
      expect(dot.simulate(u, v)[0]?.item()).toBe(u.reduce((s, ui, i) => s + ui * (v[i] as number), 0));
    }
  });

  it('gives the clear matrix product on encrypted matrices', async () => {
    const product = compile((x: Tracer, y: Tracer) => x.matmul(y), { x: 'encrypted', y: 'encrypted' }, matrices);
    const [a, b] = matrices[1]!;
    const [result] = await product.encryptRunDecrypt(a, b);
    expect(result?.toNested()).toEqual(array(a).matmul(array(b)).toNested());
    await product.dispose();
  });
});
