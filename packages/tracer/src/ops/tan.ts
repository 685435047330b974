import { defineUnary } from './families/elementwise.js';

/** Math.tan, value by value; always float. */
export const tan = defineUnary({ name: 'tan', dtype: 'float', fn: Math.tan });
