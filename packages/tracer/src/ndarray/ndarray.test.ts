import { describe, expect, it } from '@jest/globals';
import { AttributeError, IntegerOverflowError, NonIntegerValueError, ShapeError } from '../errors.js';
import { arange, array, fromNested, full, ones, zeros } from './constructors.js';
import { NdArray } from './ndarray.js';

describe('NdArray constructors', () => {
  it('builds from nested arrays, inferring shape and dtype', () => {
    const x = array([[1, 2, 3], [4, 5, 6]]);
    expect([x.shape, x.dtype, x.ndim, x.size]).toEqual([[2, 3], 'int', 2, 6]);
    expect(array([1, 2.5]).dtype).toBe('float');
    expect(array(7).shape).toEqual([]);
    expect(array([true, false]).toArray()).toEqual([1, 0]);
    expect(array([[], []]).shape).toEqual([2, 0]);
    expect(fromNested([[1], [2]]).toNested()).toEqual([[1], [2]]);
  });

  it('builds arrays larger than the call-stack limit', () => {
    expect(array(Array.from({ length: 300_000 }, (_, i) => i % 7)).sum().item()).toBe(899_997);
  });

  it('converts to the requested dtype (float -> int truncates toward zero)', () => {
    expect(array([1.7, -1.7], 'int').toArray()).toEqual([1, -1]);
    expect(array([1, 2], 'float').dtype).toBe('float');
  });

  it('rejects ragged nesting and non-numbers', () => {
    expect(() => array([[1, 2], [3]])).toThrow(ShapeError);
    expect(() => array(['a' as unknown as number])).toThrow(AttributeError);
  });

  it('zeros, ones, full and arange follow numpy', () => {
    expect(zeros([2, 2]).toNested()).toEqual([[0, 0], [0, 0]]);
    expect(ones([3], 'float').dtype).toBe('float');
    expect(full([2], 2.5).toNested()).toEqual([2.5, 2.5]);
    expect(arange(5).toArray()).toEqual([0, 1, 2, 3, 4]);
    expect(arange(2, 11, 3).toArray()).toEqual([2, 5, 8]);
    expect(arange(5, 0, -2).toArray()).toEqual([5, 3, 1]);
    expect(arange(0, 1, 0.25).toArray()).toEqual([0, 0.25, 0.5, 0.75]);
    expect(arange(3, 1).size).toBe(0);
    expect(() => arange(0, 3, 0)).toThrow(AttributeError);
  });

  it('keeps integer arrays exact: NaN, infinities, fractions and |v| >= 2^53 are errors', () => {
    expect(() => new NdArray(Float64Array.of(1.5), [1], 'int')).toThrow(NonIntegerValueError);
    expect(() => new NdArray(Float64Array.of(NaN), [1], 'int')).toThrow(NonIntegerValueError);
    expect(() => new NdArray(Float64Array.of(Infinity), [1], 'int')).toThrow(NonIntegerValueError);
    expect(() => new NdArray(Float64Array.of(2 ** 53), [1], 'int')).toThrow(IntegerOverflowError);
    expect(new NdArray(Float64Array.of(-(2 ** 53 - 1)), [1], 'int').item()).toBe(-(2 ** 53 - 1));
    expect(array([2 ** 52]).add(2 ** 52 - 1).item()).toBe(2 ** 53 - 1);
    // 3002399751580331 * 3 = 2^53 + 1 is not a float64: the product rounds to 2^53, which is rejected rather than wrong.
    expect(() => array([3002399751580331]).mul(3)).toThrow(IntegerOverflowError);
    expect(() => array([2 ** 52]).mul(4)).toThrow(IntegerOverflowError);
    expect(() => array([3]).power(40)).toThrow(IntegerOverflowError);
  });

  it('checks that data fills the shape', () => {
    expect(() => new NdArray(new Float64Array(5), [2, 3], 'int')).toThrow(/5 values cannot fill shape \(2, 3\)/);
  });

  it('normalizes integer -0 to 0', () => {
    expect(Object.is(array([0]).neg().item(), 0)).toBe(true);
  });

  it('methods chain like numpy', () => {
    const x = arange(6).reshape(2, 3);
    expect(x.add(1).mul(3).sum().item()).toBe(63);
    expect(x.transpose().toNested()).toEqual([[0, 3], [1, 4], [2, 5]]);
    expect(x.T.toNested()).toEqual(x.transpose().toNested());
    expect(x.get(1, '::-1').toNested()).toEqual([5, 4, 3]);
    expect(x.mean(1).toArray()).toEqual([1, 4]);
    expect(String(array([1, 2]))).toBe('NdArray([1,2], dtype=int, shape=(2,))');
  });
});
