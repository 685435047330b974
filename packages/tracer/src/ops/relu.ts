import { defineUnary } from './families/elementwise.js';

/** max(x, 0), keeping the dtype (numpy: np.maximum(x, 0)). */
export const relu = defineUnary({ name: 'relu', dtype: 'promote', fn: (v) => Math.max(v, 0) });
