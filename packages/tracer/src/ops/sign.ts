import { defineUnary } from './families/elementwise.js';

/** -1, 0 or 1 (NaN stays NaN), keeping the dtype. */
export const sign = defineUnary({ name: 'sign', dtype: 'promote', fn: Math.sign });
