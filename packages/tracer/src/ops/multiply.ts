import { defineBinary } from './families/elementwise.js';

/** x * y with broadcasting: linear in each input separately (a product of two encrypted values is not). */
export const multiply = defineBinary({ name: 'multiply', dtype: 'promote', linearIn: [true, true], fn: (_d, a, b) => a * b });
