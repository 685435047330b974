import { defineBinary } from './families/elementwise.js';

/** Elementwise max with broadcasting; NaN propagates. */
export const maximum = defineBinary({ name: 'maximum', dtype: 'promote', fn: (_d, a, b) => Math.max(a, b) });
