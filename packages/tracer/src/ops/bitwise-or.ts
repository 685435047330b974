import { defineBinary } from './families/elementwise.js';
import { bitwise } from './kernels/scalar.js';

/** x | y on integers (two's complement). */
export const bitwiseOr = defineBinary({ name: 'bitwiseOr', dtype: 'int', integersOnly: true, fn: (_d, a, b) => bitwise(a, b, '|') });
