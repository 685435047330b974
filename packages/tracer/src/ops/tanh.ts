import { defineUnary } from './families/elementwise.js';

/** Math.tanh, value by value; always float. */
export const tanh = defineUnary({ name: 'tanh', dtype: 'float', fn: Math.tanh });
