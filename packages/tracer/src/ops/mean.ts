import { defineReduction } from './families/reduction.js';

/** Arithmetic mean over axes; always float (NaN over an empty axis, as numpy). */
export const mean = defineReduction({
  name: 'mean',
  dtype: () => 'float',
  linear: true,
  init: 0,
  combine: (a, v) => a + v,
  finish: (a, n) => a / n,
  needsValues: false,
});
