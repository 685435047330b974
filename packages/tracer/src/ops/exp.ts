import { defineUnary } from './families/elementwise.js';

/** Math.exp, value by value; always float. */
export const exp = defineUnary({ name: 'exp', dtype: 'float', fn: Math.exp });
