import { AttributeError, GraphError } from '../errors.js';
import { isDType, type DType } from '../ndarray/dtype.js';
import { mapUnary } from './kernels/elementwise.js';
import { defineOp } from './op.js';

export interface UnivariateAttrs {
  /** Applied to each value. Not serializable: the compiler turns the node into a `lookup` once bounds are known. */
  readonly fn: (value: number) => number;
  readonly dtype: DType;
  readonly label: string;
}

/** An arbitrary function of one value, applied value by value (one table lookup in FHE). */
export const univariate = defineOp<UnivariateAttrs>({
  name: 'univariate',
  category: 'lookup',
  arity: 1,
  normalize: (attrs) => {
    const { fn, dtype = 'int', label } = attrs as Partial<UnivariateAttrs>;
    if (typeof fn !== 'function') {
      throw new AttributeError('univariate: attribute fn must be a function of one number (it cannot be restored from JSON)');
    }
    if (!isDType(dtype)) throw new AttributeError(`univariate: dtype must be 'int' or 'float', got ${JSON.stringify(dtype)}`);
    return { fn, dtype, label: typeof label === 'string' ? label : fn.name || 'fn' };
  },
  shape: ([x]) => [...(x?.shape ?? [])],
  dtype: (_inputs, { dtype }) => dtype,
  evaluate: ([x], { fn }, out) => {
    if (!x) throw new GraphError('univariate: missing input');
    return mapUnary(x, fn, out, 'univariate');
  },
});
