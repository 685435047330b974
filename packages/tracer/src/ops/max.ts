import { defineReduction } from './families/reduction.js';

/** Maximum over axes; NaN propagates; an empty axis is an error. */
export const max = defineReduction({ name: 'max', dtype: (d) => d, linear: false, init: -Infinity, combine: Math.max, needsValues: true });
