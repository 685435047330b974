import { defineComparison } from './families/elementwise.js';

/** x <= y as int 0/1 (numpy's bool), with broadcasting. */
export const lessEqual = defineComparison('lessEqual', (a, b) => a <= b);
