import { defineUnary } from './families/elementwise.js';

/** Math.sin, value by value; always float. */
export const sin = defineUnary({ name: 'sin', dtype: 'float', fn: Math.sin });
