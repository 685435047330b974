import { defineBinary } from './families/elementwise.js';

/** x - y with broadcasting. */
export const subtract = defineBinary({
  name: 'subtract',
  dtype: 'promote',
  linearIn: [true, true],
  jointlyLinear: true,
  fn: (_d, a, b) => a - b,
});
