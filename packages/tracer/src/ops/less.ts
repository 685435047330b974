import { defineComparison } from './families/elementwise.js';

/** x < y as int 0/1 (numpy's bool), with broadcasting. */
export const less = defineComparison('less', (a, b) => a < b);
