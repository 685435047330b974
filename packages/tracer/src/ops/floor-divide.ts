import { defineBinary } from './families/elementwise.js';
import { floorDivideFloat, floorDivideInt } from './kernels/scalar.js';

/** numpy's x // y: rounds toward -infinity; int // int is int, and int // 0 is 0 as in numpy. */
export const floorDivide = defineBinary({
  name: 'floorDivide',
  dtype: 'promote',
  fn: (dtype, a, b) => (dtype === 'int' ? floorDivideInt(a, b) : floorDivideFloat(a, b)),
});
