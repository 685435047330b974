import { defineBinary } from './families/elementwise.js';
import { bitwise } from './kernels/scalar.js';

/** x ^ y on integers (two's complement). */
export const bitwiseXor = defineBinary({ name: 'bitwiseXor', dtype: 'int', integersOnly: true, fn: (_d, a, b) => bitwise(a, b, '^') });
