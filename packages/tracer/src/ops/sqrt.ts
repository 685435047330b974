import { defineUnary } from './families/elementwise.js';

/** Math.sqrt, value by value; always float. */
export const sqrt = defineUnary({ name: 'sqrt', dtype: 'float', fn: Math.sqrt });
