import { defineUnary } from './families/elementwise.js';

/** x * x. */
export const square = defineUnary({ name: 'square', dtype: 'promote', fn: (v) => v * v });
