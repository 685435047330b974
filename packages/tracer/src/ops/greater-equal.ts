import { defineComparison } from './families/elementwise.js';

/** x >= y as int 0/1 (numpy's bool), with broadcasting. */
export const greaterEqual = defineComparison('greaterEqual', (a, b) => a >= b);
