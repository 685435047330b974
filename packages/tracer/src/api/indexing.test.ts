import { describe, expect, it } from '@jest/globals';
import { IndexError } from '../errors.js';
import { arange } from '../ndarray/constructors.js';
import { canonicalIndexItem, ellipsis, newaxis, slice } from './indexing.js';

describe('index items', () => {
  it('slice() mirrors Python: slice(stop), slice(start, stop), slice(start, stop, step)', () => {
    expect(slice(3)).toEqual({ kind: 'slice', start: null, stop: 3, step: null });
    expect(slice(1, null)).toEqual({ kind: 'slice', start: 1, stop: null, step: null });
    expect(slice(null, null, -1)).toEqual({ kind: 'slice', start: null, stop: null, step: -1 });
  });

  it('parses the compact string form', () => {
    expect(canonicalIndexItem('1:5:2')).toEqual(slice(1, 5, 2));
    expect(canonicalIndexItem(':')).toEqual(slice(null, null));
    expect(canonicalIndexItem('::-1')).toEqual(slice(null, null, -1));
    expect(canonicalIndexItem('-3:')).toEqual(slice(-3, null));
    expect(canonicalIndexItem('-2')).toEqual({ kind: 'int', index: -2 });
    expect(canonicalIndexItem('...')).toEqual(ellipsis);
  });

  it('rejects malformed indices', () => {
    expect(() => canonicalIndexItem('1:x')).toThrow(IndexError);
    expect(() => canonicalIndexItem('1:2:3:4')).toThrow(IndexError);
    expect(() => canonicalIndexItem('::0')).toThrow(/step cannot be zero/);
    expect(() => canonicalIndexItem(1.5)).toThrow(IndexError);
    expect(() => canonicalIndexItem('')).toThrow(IndexError);
  });

  it('the object and string forms index the same values', () => {
    const x = arange(60).reshape(3, 4, 5);
    expect(x.get(0, slice(1, null, 2), newaxis).toNested()).toEqual(x.get('0', '1::2', newaxis).toNested());
    expect(x.get(ellipsis, -1).shape).toEqual([3, 4]);
    expect(x.get(-1, -1, -1).item()).toBe(59);
    expect(() => x.get(3)).toThrow(/index 3 is out of bounds for axis 0 with size 3/);
    expect(() => x.get(0, 0, 0, 0)).toThrow(/too many indices/);
  });
});
