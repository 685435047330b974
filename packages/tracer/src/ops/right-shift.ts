import { defineBinary } from './families/elementwise.js';

/** x >> y on integers (arithmetic: floor(x / 2^y)); shifts outside [0, 64) give 0 or -1, as in numpy. */
export const rightShift = defineBinary({
  name: 'rightShift',
  dtype: 'int',
  integersOnly: true,
  fn: (_d, a, b) => (b < 0 || b >= 64 ? (a < 0 ? -1 : 0) : Math.floor(a / 2 ** b)),
});
