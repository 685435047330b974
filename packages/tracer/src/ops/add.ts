import { defineBinary } from './families/elementwise.js';

/** x + y with broadcasting. */
export const add = defineBinary({ name: 'add', dtype: 'promote', linearIn: [true, true], jointlyLinear: true, fn: (_d, a, b) => a + b });
