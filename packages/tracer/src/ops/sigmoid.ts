import { defineUnary } from './families/elementwise.js';

/** 1 / (1 + exp(-x)); always float. */
export const sigmoid = defineUnary({ name: 'sigmoid', dtype: 'float', fn: (v) => 1 / (1 + Math.exp(-v)) });
