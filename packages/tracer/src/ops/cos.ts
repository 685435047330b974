import { defineUnary } from './families/elementwise.js';

/** Math.cos, value by value; always float. */
export const cos = defineUnary({ name: 'cos', dtype: 'float', fn: Math.cos });
