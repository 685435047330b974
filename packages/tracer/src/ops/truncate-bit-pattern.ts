import { GraphError } from '../errors.js';
import { intAttr } from './attrs.js';
import { requireIntegers } from './families/elementwise.js';
import { mapUnary } from './kernels/elementwise.js';
import { defineOp } from './op.js';

/**
 * Clears the l = lsbsToRemove low bits (two's complement): floor(x / 2^l) * 2^l, as
 * Concrete's truncate_bit_pattern. A marker, like roundBitPattern.
 */
export const truncateBitPattern = defineOp<{ lsbsToRemove: number }>({
  name: 'truncateBitPattern',
  category: 'marker',
  arity: 1,
  normalize: (attrs) => ({ lsbsToRemove: intAttr(attrs, 'lsbsToRemove', 'truncateBitPattern', { min: 0 }) }),
  shape: ([x]) => [...(x?.shape ?? [])],
  dtype: (inputs) => {
    requireIntegers('truncateBitPattern', inputs);
    return 'int';
  },
  evaluate: ([x], { lsbsToRemove }, out) => {
    if (!x) throw new GraphError('truncateBitPattern: missing input');
    const unit = 2 ** lsbsToRemove;
    return mapUnary(x, (v) => Math.floor(v / unit) * unit, out, 'truncateBitPattern');
  },
});
