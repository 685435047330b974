import { describe, expect, it } from '@jest/globals';
import * as errors from './errors.js';
import { array } from './ndarray/constructors.js';
import { evaluateOp } from './ops/evaluate-op.js';
import { np } from './api/np.js';

describe('typed errors', () => {
  it('every error class carries its own name', () => {
    for (const [name, ErrorClass] of Object.entries(errors)) {
      const error = new ErrorClass('message');
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(name);
    }
  });

  it.each([
    ['ShapeError', () => np.matmul([[1, 2]], [[1, 2]]), /matmul: shapes \(1, 2\) and \(1, 2\) are not aligned/],
    ['ShapeError', () => np.concatenate([[[1]], [1]]), /concatenate: shapes \(1, 1\) and \(1,\)/],
    ['DTypeError', () => np.bitwiseAnd([1.5], [1]), /bitwiseAnd: only defined on integers, got \(float, int\)/],
    ['DTypeError', () => new np.LookupTable([1, 2]).apply(array([0.5])), /lookup: only defined on integers/],
    ['NonIntegerValueError', () => np.astype([NaN], 'int'), /integer array cannot hold NaN/],
    ['IntegerOverflowError', () => np.multiply([2 ** 30], [2 ** 30]).multiply(2 ** 30), /beyond 2\^53 - 1/],
    ['AttributeError', () => np.sum([[1]], 2), /sum: axis 2 is out of bounds for an array of dimension 2/],
    ['AttributeError', () => np.reshape([1, 2], [-1, -1]), /only specify one unknown dimension/],
    ['IndexError', () => array([1, 2]).get(2), /index 2 is out of bounds for axis 0 with size 2/],
    ['UnknownOpError', () => evaluateOp('fft', []), /unknown operation 'fft'/],
    ['GraphError', () => evaluateOp('add', [array([1])]), /add: expects 2 inputs, got 1/],
  ])('%s (case %#) names the problem', (name, run, message) => {
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect((error as Error).name).toBe(name);
    }
  });
});
