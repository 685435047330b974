import { GraphError } from '../errors.js';
import { dtypeOfNumber, promoteTypes } from '../ndarray/dtype.js';
import { optionalNumberAttr } from './attrs.js';
import { mapUnary } from './kernels/elementwise.js';
import { defineOp } from './op.js';

/** min(max(x, min), max) with open sides as null; a float bound makes the result float. */
export const clip = defineOp<{ min: number | null; max: number | null }>({
  name: 'clip',
  category: 'elementwise-unary',
  arity: 1,
  normalize: (attrs) => ({ min: optionalNumberAttr(attrs, 'min', 'clip'), max: optionalNumberAttr(attrs, 'max', 'clip') }),
  shape: ([x]) => [...(x?.shape ?? [])],
  dtype: ([x], { min, max }) =>
    promoteTypes(x?.dtype ?? 'int', ...[min, max].filter((b): b is number => b !== null).map(dtypeOfNumber)),
  evaluate: ([x], { min, max }, out) => {
    if (!x) throw new GraphError('clip: missing input');
    return mapUnary(x, (v) => Math.min(Math.max(v, min ?? -Infinity), max ?? Infinity), out, 'clip');
  },
});
