import { defineUnary } from './families/elementwise.js';

/** Largest integer <= x; integers stay integers (numpy >= 2.1 keeps the dtype). */
export const floor = defineUnary({ name: 'floor', dtype: 'promote', fn: Math.floor });
