import { defineUnary } from './families/elementwise.js';

/** Math.log, value by value; always float. */
export const log = defineUnary({ name: 'log', dtype: 'float', fn: Math.log });
