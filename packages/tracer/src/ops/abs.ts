import { defineUnary } from './families/elementwise.js';

/** |x|. */
export const abs = defineUnary({ name: 'abs', dtype: 'promote', fn: Math.abs });
