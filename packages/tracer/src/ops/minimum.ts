import { defineBinary } from './families/elementwise.js';

/** Elementwise min with broadcasting; NaN propagates. */
export const minimum = defineBinary({ name: 'minimum', dtype: 'promote', fn: (_d, a, b) => Math.min(a, b) });
