import { AttributeError, GraphError } from '../errors.js';
import { isDType, type DType } from '../ndarray/dtype.js';
import { mapUnary } from './kernels/elementwise.js';
import { defineOp } from './op.js';

/** Converts the dtype; float -> int truncates toward zero and rejects NaN and infinities. */
export const astype = defineOp<{ dtype: DType }>({
  name: 'astype',
  category: 'elementwise-unary',
  arity: 1,
  linearIn: [false],
  normalize: (attrs) => {
    if (!isDType(attrs['dtype'])) throw new AttributeError(`astype: dtype must be 'int' or 'float', got ${JSON.stringify(attrs['dtype'])}`);
    return { dtype: attrs['dtype'] };
  },
  shape: ([x]) => [...(x?.shape ?? [])],
  dtype: (_inputs, { dtype }) => dtype,
  evaluate: ([x], { dtype }, out) => {
    if (!x) throw new GraphError('astype: missing input');
    return mapUnary(x, dtype === 'int' ? Math.trunc : (v) => v, out, 'astype');
  },
});
