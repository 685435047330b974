import { GraphError } from '../errors.js';
import { boolAttr, intAttr } from './attrs.js';
import { requireIntegers } from './families/elementwise.js';
import { mapUnary } from './kernels/elementwise.js';
import { defineOp } from './op.js';

/**
 * Rounds integers to a multiple of 2^l (l = lsbsToRemove), ties upward as in Concrete:
 * floor((x + 2^(l-1)) / 2^l) * 2^l. Exact in the clear; a marker telling the compiler it
 * may drop those l bits before a table lookup. `overflowProtection` (default true, as in
 * Concrete) asks the compiler to keep the bit that rounding up past the maximum needs.
 */
export const roundBitPattern = defineOp<{ lsbsToRemove: number; overflowProtection: boolean }>({
  name: 'roundBitPattern',
  category: 'marker',
  arity: 1,
  normalize: (attrs) => ({
    lsbsToRemove: intAttr(attrs, 'lsbsToRemove', 'roundBitPattern', { min: 0 }),
    overflowProtection: boolAttr(attrs, 'overflowProtection', 'roundBitPattern', true),
  }),
  shape: ([x]) => [...(x?.shape ?? [])],
  dtype: (inputs) => {
    requireIntegers('roundBitPattern', inputs);
    return 'int';
  },
  evaluate: ([x], { lsbsToRemove }, out) => {
    if (!x) throw new GraphError('roundBitPattern: missing input');
    if (lsbsToRemove === 0) return x;
    const unit = 2 ** lsbsToRemove;
    return mapUnary(x, (v) => Math.floor((v + unit / 2) / unit) * unit, out, 'roundBitPattern');
  },
});
