import { defineUnary } from './families/elementwise.js';

/** Math.log1p, value by value; always float. */
export const log1p = defineUnary({ name: 'log1p', dtype: 'float', fn: Math.log1p });
