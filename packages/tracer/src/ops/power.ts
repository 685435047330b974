import { DTypeError } from '../errors.js';
import { defineBinary } from './families/elementwise.js';
import { powerFloat, powerInt } from './kernels/scalar.js';

/** x ** y; integers to negative integer powers are rejected, like numpy. */
export const power = defineBinary({
  name: 'power',
  dtype: 'promote',
  fn: (dtype, a, b) => {
    if (dtype === 'float') return powerFloat(a, b);
    if (b < 0) throw new DTypeError('power: integers to negative integer powers are not allowed (use a float base)');
    return powerInt(a, b);
  },
});
