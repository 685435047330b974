import { defineReduction } from './families/reduction.js';

/** Sum over axes (0 over an empty axis). */
export const sum = defineReduction({ name: 'sum', dtype: (d) => d, linear: true, init: 0, combine: (a, v) => a + v, needsValues: false });
