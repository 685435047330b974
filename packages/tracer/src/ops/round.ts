import { GraphError } from '../errors.js';
import { defineOp } from './op.js';
import { intAttr } from './attrs.js';
import { mapUnary } from './kernels/elementwise.js';
import { roundHalfEven } from './kernels/scalar.js';

/**
 * numpy's round: half to even at `decimals` places (x * 10^d, rint, / 10^d; negative d
 * divides first). Integers with decimals >= 0 are unchanged.
 */
export const round = defineOp<{ decimals: number }>({
  name: 'round',
  category: 'elementwise-unary',
  arity: 1,
  normalize: (attrs) => ({ decimals: intAttr(attrs, 'decimals', 'round', { fallback: 0 }) }),
  shape: ([x]) => [...(x?.shape ?? [])],
  dtype: ([x]) => x?.dtype ?? 'int',
  evaluate: ([x], { decimals }, out) => {
    if (!x) throw new GraphError('round: missing input');
    if (decimals >= 0) {
      if (x.dtype === 'int') return x;
      const f = 10 ** decimals;
      return mapUnary(x, (v) => roundHalfEven(v * f) / f, out, 'round');
    }
    const f = 10 ** -decimals;
    return mapUnary(x, (v) => roundHalfEven(v / f) * f, out, 'round');
  },
});
