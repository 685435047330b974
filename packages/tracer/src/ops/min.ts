import { defineReduction } from './families/reduction.js';

/** Minimum over axes; NaN propagates; an empty axis is an error. */
export const min = defineReduction({ name: 'min', dtype: (d) => d, linear: false, init: Infinity, combine: Math.min, needsValues: true });
