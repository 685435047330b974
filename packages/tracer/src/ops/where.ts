import { defineBroadcast } from './families/elementwise.js';

/** cond ? x : y value by value, with broadcasting; dtype of x and y promoted. */
export const where = defineBroadcast({
  name: 'where',
  arity: 3,
  category: 'elementwise-ternary',
  dtype: ([_cond, x = 'int', y = 'int']) => (x === 'float' || y === 'float' ? 'float' : 'int'),
  linearIn: [false, true, true],
  fn: (_d, cond, x, y) => (cond !== 0 ? x : y),
});
