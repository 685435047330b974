import { defineUnary } from './families/elementwise.js';

/** !x as int 0/1. */
export const logicalNot = defineUnary({ name: 'logicalNot', dtype: 'int', fn: (v) => (v === 0 ? 1 : 0) });
