import { defineUnary } from './families/elementwise.js';

/** Smallest integer >= x; integers stay integers. */
export const ceil = defineUnary({ name: 'ceil', dtype: 'promote', fn: Math.ceil });
