import { defineBinary } from './families/elementwise.js';

/** x << y on integers; shifts outside [0, 64) give 0, as numpy's int64 kernel does. */
export const leftShift = defineBinary({
  name: 'leftShift',
  dtype: 'int',
  integersOnly: true,
  fn: (_d, a, b) => (b < 0 || b >= 64 ? 0 : a * 2 ** b),
});
