import { describe, expect, it } from '@jest/globals';
import { array } from '../ndarray/constructors.js';
import { NdArray } from '../ndarray/ndarray.js';
import { opRegistry } from '../ops/registry.js';
import { trace } from '../tracing/trace.js';
import { evaluate } from '../graph/evaluate.js';
import { LookupTable, roundBitPattern, truncateBitPattern, univariate } from './extensions.js';
import { np } from './np.js';

describe('np namespace', () => {
  it('exposes every registered op (lookup through LookupTable)', () => {
    const missing = [...opRegistry().keys()].filter((name) => name !== 'lookup' && !(name in np));
    expect(missing).toEqual([]);
  });

  it('computes in the clear on numbers and nested arrays', () => {
    expect(np.matmul([[1, 2]], [[3], [4]]).toNested()).toEqual([[11]]);
    expect(np.concatenate([[1], [2, 3]]).toArray()).toEqual([1, 2, 3]);
    expect(np.conv2d(np.ones([1, 1, 3, 3]), np.ones([1, 1, 2, 2]), [1], { padding: 0 }).toNested()).toEqual([[[[5, 5], [5, 5]]]]);
    expect(np.maxPool2d(np.arange(16).reshape([1, 1, 4, 4]), { kernelShape: 2 }).toNested()).toEqual([[[[5, 7], [13, 15]]]]);
    expect(np.where([1, 0], 10, 20)).toBeInstanceOf(NdArray);
    // Static result types: clear operands give an NdArray (a compile-time check as much as a runtime one).
    const unbiased: NdArray = np.conv1d(np.ones([1, 1, 4]), np.ones([1, 1, 2]));
    expect(unbiased.toNested()).toEqual([[[2, 2, 2]]]);
  });
});

describe('LookupTable and univariate', () => {
  it('applies one table, with negative indices from the end', () => {
    const table = new LookupTable([10, 20, 30]);
    expect(table.apply(array([0, 2, -1, -3])).toArray()).toEqual([10, 30, 30, 10]);
    expect(() => table.apply(array([3]))).toThrow(/index 3 is out of range/);
  });

  it('applies one table per element of a multi-table', () => {
    const even = new LookupTable([0, 2, 4]);
    const odd = new LookupTable([1, 3, 5]);
    const multi = new LookupTable([[even, odd], [odd, even]]);
    expect(multi.gridShape).toEqual([2, 2]);
    expect(multi.apply(array([[0, 1], [2, 2]])).toNested()).toEqual([[0, 3], [5, 4]]);
    const graph = trace((x) => multi.apply(x), { x: 'encrypted' }, { inputShapes: { x: [2, 2] } });
    expect(evaluate(graph, [[[0, 1], [2, 2]]])[0]?.toNested()).toEqual([[0, 3], [5, 4]]);
  });

  it('rejects ragged grids and empty tables', () => {
    const t = new LookupTable([1]);
    expect(() => new LookupTable([[t, t], [t]])).toThrow(/ragged/);
    expect(() => new LookupTable([])).toThrow(/at least one entry/);
  });

  it('univariate applies any function value by value, in the clear and traced', () => {
    const cube = univariate((v) => v ** 3 - 1);
    expect(cube(array([0, 2, -2])).toArray()).toEqual([-1, 7, -9]);
    const graph = trace((x) => cube(x), { x: 'encrypted' }, { inputShapes: { x: [2] } });
    expect(evaluate(graph, [[3, 1]])[0]?.toArray()).toEqual([26, 0]);
    expect(() => univariate((v) => v / 2)(array([1]))).toThrow(/integer array cannot hold 0.5/);
    expect(univariate((v) => v / 2, { dtype: 'float' })(array([1])).toArray()).toEqual([0.5]);
  });

  it('round and truncate bit patterns follow Concrete (ties round up)', () => {
    expect(roundBitPattern(array([0, 3, 4, 5, 11, 12, -4, -5]), 3).toArray()).toEqual([0, 0, 8, 8, 8, 16, 0, -8]);
    expect(truncateBitPattern(array([0, 7, 8, 15, -1, -8, -9]), 3).toArray()).toEqual([0, 0, 8, 8, -8, -8, -16]);
  });
});
