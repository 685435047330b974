import { defineUnary } from './families/elementwise.js';

/** ~x on integers: -x - 1 in two's complement. */
export const bitwiseNot = defineUnary({ name: 'bitwiseNot', dtype: 'int', integersOnly: true, fn: (v) => -v - 1 });
