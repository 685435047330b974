import { defineBinary } from './families/elementwise.js';

/** x || y as int 0/1 (non-zero, NaN included, is true). */
export const logicalOr = defineBinary({ name: 'logicalOr', dtype: 'int', fn: (_d, a, b) => (a !== 0 || b !== 0 ? 1 : 0) });
