import { defineBinary } from './families/elementwise.js';

/** True division x / y: always float (numpy's `/`); linear in x. */
export const divide = defineBinary({ name: 'divide', dtype: 'float', linearIn: [true, false], fn: (_d, a, b) => a / b });
