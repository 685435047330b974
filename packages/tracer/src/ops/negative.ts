import { defineUnary } from './families/elementwise.js';

/** -x. */
export const negative = defineUnary({ name: 'negative', dtype: 'promote', linear: true, fn: (v) => -v });
